package io.microdrama.subtitles;

/** A finding not yet placed in the document (no line or cue number): returned by line-level helpers. */
record ParseIssue(ParseCode code, String message) {

    /** Quoted input in a message is cut to 60 characters: a 500 KB digit run must not become a 500 KB message. */
    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    ParseFinding at(Integer cueNumber, int lineNumber) {
        return ParseFinding.of(code, cueNumber, lineNumber, message);
    }
}
