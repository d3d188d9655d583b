package io.microdrama.subtitles;

/** A finding not yet placed in the document (no line or cue number): returned by line-level helpers. */
record ParseIssue(ParseCode code, String message) {

    ParseFinding at(Integer cueNumber, int lineNumber) {
        return ParseFinding.of(code, cueNumber, lineNumber, message);
    }
}
