package io.microdrama.subtitles;

/**
 * Something the parser skipped, dropped or tolerated, located in the source text.
 *
 * @param severity   ERROR when content was lost (a cue dropped), WARNING for a spec violation we worked around,
 *                   INFO for cosmetic deviations
 * @param code       stable machine-readable code
 * @param cueNumber  number of the kept cue it concerns, null when it concerns no kept cue (e.g. a dropped one)
 * @param lineNumber 1-based line in the decoded text
 * @param message    human-readable explanation, in English, for the partner's subtitle vendor
 */
public record ParseFinding(Severity severity, ParseCode code, Integer cueNumber, int lineNumber, String message) {

    static ParseFinding of(ParseCode code, Integer cueNumber, int lineNumber, String message) {
        return new ParseFinding(code.severity(), code, cueNumber, lineNumber, message);
    }
}
