package io.microdrama.subtitles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The W3C "collect WebVTT cue timings and settings" steps for one line:
 * {@code start [ws] --> [ws] end [settings]}.
 *
 * @param failure non-null when the line is not a valid timing line (the cue is then skipped)
 * @param issues  non-fatal findings (settings ignored, syntax tolerated)
 */
record WebVttCueTiming(long startMs, long endMs, CueSettings settings, ParseIssue failure, List<ParseIssue> issues) {

    boolean failed() {
        return failure != null;
    }

    static WebVttCueTiming parse(String line, Set<String> regionIds) {
        List<ParseIssue> issues = new ArrayList<>();
        int pos = skipWhitespace(line, 0);
        WebVttTimestamp.Result start = WebVttTimestamp.collect(line, pos);
        if (start.failed()) {
            return failure(start.error(), "start time: ");
        }
        int afterStart = start.next();
        pos = skipWhitespace(line, afterStart);
        boolean spaceBeforeArrow = pos > afterStart;
        if (!line.startsWith("-->", pos)) {
            return failure(new ParseIssue(ParseCode.VTT_TIMING_INVALID, "expected '-->' after the start time"), "");
        }
        int afterArrow = pos + 3;
        pos = skipWhitespace(line, afterArrow);
        boolean spaceAfterArrow = pos > afterArrow;
        WebVttTimestamp.Result end = WebVttTimestamp.collect(line, pos);
        if (end.failed()) {
            return failure(end.error(), "end time: ");
        }
        if (!spaceBeforeArrow || !spaceAfterArrow) {
            issues.add(new ParseIssue(ParseCode.VTT_ARROW_WHITESPACE,
                    "'-->' must be surrounded by spaces or tabs; accepted as the parser algorithm does"));
        }
        if (start.singleDigitHours() || end.singleDigitHours()) {
            issues.add(new ParseIssue(ParseCode.VTT_HOURS_SINGLE_DIGIT,
                    "hours must have at least two digits (e.g. 01:02:03.000); accepted as browsers do"));
        }
        CueSettings settings = WebVttCueSettingsParser.parse(line.substring(end.next()), regionIds, issues);
        return new WebVttCueTiming(start.millis(), end.millis(), settings, null, List.copyOf(issues));
    }

    private static WebVttCueTiming failure(ParseIssue cause, String prefix) {
        ParseIssue issue = new ParseIssue(cause.code(), "cue skipped: " + prefix + cause.message());
        return new WebVttCueTiming(-1, -1, CueSettings.NONE, issue, List.of());
    }

    private static int skipWhitespace(String s, int from) {
        int i = from;
        while (i < s.length() && WebVttCueSettingsParser.isAsciiWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
