package io.microdrama.subtitles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tolerant SubRip parser. SRT has no specification, so we accept what players commonly accept and report it:
 *
 * <ul>
 *   <li>A cue starts at a timing line, optionally preceded by its index line. A line is an index line when it is
 *       right above a timing line and is either a number or the first line of a block (file start or after a
 *       blank line); a non-numeric one is kept as the identifier.</li>
 *   <li>A cue's text runs from its timing line to the start of the next cue. Blank lines therefore only end a
 *       cue when a new cue follows; blank lines inside the text are removed (SRT cannot express them, and strict
 *       players would split the cue there) and reported, so text after them is not lost.</li>
 *   <li>Timing: {@code H+:MM:SS,mmm --> H+:MM:SS,mmm}; a '.' instead of ',', one-digit hours, any spaces or tabs
 *       around the arrow and around the line, and trailing text (old X1:Y1 coordinates) are accepted.</li>
 *   <li>A missing final blank line keeps the last cue. Tags ({@code <i> <b> <u> <font>}) stay in the text.</li>
 * </ul>
 *
 * Never throws; linear in the input.
 */
public final class SrtParser {

    /**
     * Lines that try to be a timing line: a timestamp-like start and an arrow ("->" counts, it is a typo). Any number
     * of hour digits: a 10-digit hour must drop its cue with an ERROR, not become text of the cue before it.
     */
    private static final Pattern TIMING_CANDIDATE = Pattern.compile("\\s*+\\d++:\\d{1,2}[^\\n]*?-{1,2}>");

    private static final Pattern TIMING = Pattern.compile(
            "(\\d+):(\\d{2}):(\\d{2})([,.])(\\d{3})[ \\t]*-->[ \\t]*(\\d+):(\\d{2}):(\\d{2})([,.])(\\d{3})(.*)");

    /** Same bound as WebVTT: more would overflow our millisecond long. */
    private static final int MAX_HOUR_DIGITS = 9;

    /** Whether a line would be taken for a (possibly broken) timing line, i.e. start a new cue. */
    static boolean looksLikeTimingLine(String line) {
        return TIMING_CANDIDATE.matcher(line).lookingAt();
    }

    public SubtitleDocument parse(String text) {
        // Same preprocessing as the WebVTT parser, so both formats see identical text.
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String input = SubtitleDecoder.normalizeLineEndings(withoutBom.replace('\0', '\uFFFD'));
        return new Run(input).parse();
    }

    /** State of one parse. */
    private static final class Run {
        private final String text;
        private final String[] lines;
        private final List<Cue> cues = new ArrayList<>();
        private final List<ParseFinding> findings = new ArrayList<>();
        /** Deviations reported once per file: code to {first line, count}. */
        private final Map<ParseCode, int[]> tally = new LinkedHashMap<>();
        private Long previousIndex;
        private long previousStart = Long.MIN_VALUE;

        Run(String text) {
            this.text = text;
            this.lines = text.split("\n", -1);
        }

        SubtitleDocument parse() {
            List<Integer> timingLines = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (looksLikeTimingLine(lines[i])) {
                    timingLines.add(i);
                }
            }
            int[] cueStarts = new int[timingLines.size()];
            for (int j = 0; j < timingLines.size(); j++) {
                int previousTiming = j == 0 ? -1 : timingLines.get(j - 1);
                cueStarts[j] = indexLineAbove(timingLines.get(j), previousTiming) ? timingLines.get(j) - 1
                        : timingLines.get(j);
            }
            reportTextOutsideCues(0, cueStarts.length == 0 ? lines.length : cueStarts[0]);
            for (int j = 0; j < timingLines.size(); j++) {
                int textEnd = j + 1 < cueStarts.length ? cueStarts[j + 1] : lines.length;
                readCue(cueStarts[j], timingLines.get(j), textEnd, j > 0);
            }
            reportTally();
            findings.sort(Comparator.comparingInt(ParseFinding::lineNumber));
            reportMissingFinalBlankLine();
            return new SubtitleDocument(SubtitleFormat.SRT, cues, findings, List.of(), List.of());
        }

        private boolean indexLineAbove(int timing, int previousTiming) {
            int above = timing - 1;
            if (above <= previousTiming || lines[above].isBlank()) {
                return false;
            }
            boolean firstLineOfBlock = above == 0 || lines[above - 1].isBlank();
            return isNumber(lines[above].strip()) || firstLineOfBlock;
        }

        /**
         * @param start   index line, or the timing line when there is none (0-based)
         * @param timing  timing line (0-based)
         * @param textEnd first line of the next cue, exclusive end of this cue's text
         */
        private void readCue(int start, int timing, int textEnd, boolean hasPreviousCue) {
            int timingLineNumber = timing + 1;
            Matcher m = TIMING.matcher(lines[timing].strip());
            ParseIssue problem = m.matches() ? timingProblem(m) : new ParseIssue(ParseCode.SRT_TIMING_INVALID,
                    "cue and its text dropped: '" + abbreviate(lines[timing].strip())
                            + "' is not a timing line of the form 00:00:01,000 --> 00:00:02,500");
            if (problem != null) {
                findings.add(problem.at(null, timingLineNumber));
                return;
            }
            long startMs = millis(m, 1);
            long endMs = millis(m, 6);
            if (endMs <= startMs) {
                findings.add(ParseFinding.of(ParseCode.SRT_END_NOT_AFTER_START, null, timingLineNumber,
                        "cue dropped: end time " + SubtitleTime.format(endMs, ',')
                                + " is not after start time " + SubtitleTime.format(startMs, ',')));
                return;
            }
            int number = cues.size() + 1;
            noteTimingStyle(m, lines[timing], timingLineNumber, number);
            String identifier = readIndex(start, timing, number);
            if (hasPreviousCue && start > 0 && !lines[start - 1].isBlank()) {
                findings.add(ParseFinding.of(ParseCode.SRT_MISSING_BLANK_LINE, number, start + 1,
                        "no blank line between the previous cue and this one"));
            }
            if (startMs < previousStart) {
                findings.add(ParseFinding.of(ParseCode.SRT_CUE_OUT_OF_ORDER, number, timingLineNumber,
                        "cue starts before the previous cue"));
            }
            previousStart = Math.max(previousStart, startMs);
            String cueText = readText(timing + 1, textEnd, number);
            cues.add(new Cue(number, identifier, startMs, endMs, cueText, CueSettings.NONE, timingLineNumber));
        }

        private ParseIssue timingProblem(Matcher m) {
            for (int group : new int[] {1, 6}) {
                if (m.group(group).length() > MAX_HOUR_DIGITS) {
                    return new ParseIssue(ParseCode.SRT_TIMING_INVALID,
                            "cue dropped: hours value " + abbreviate(m.group(group)) + " is out of range");
                }
            }
            for (int group : new int[] {2, 3, 7, 8}) {
                if (Integer.parseInt(m.group(group)) > 59) {
                    return new ParseIssue(ParseCode.SRT_TIMING_INVALID,
                            "cue dropped: minutes and seconds must be between 00 and 59");
                }
            }
            return null;
        }

        private void noteTimingStyle(Matcher m, String rawLine, int lineNumber, int cueNumber) {
            if (m.group(4).equals(".") || m.group(9).equals(".")) {
                count(ParseCode.SRT_DOT_DECIMAL, lineNumber);
            }
            if (m.group(1).length() != 2 || m.group(6).length() != 2) {
                count(ParseCode.SRT_HOURS_DIGITS, lineNumber);
            }
            String standard = m.group(1) + ":" + m.group(2) + ":" + m.group(3) + m.group(4) + m.group(5) + " --> "
                    + m.group(6) + ":" + m.group(7) + ":" + m.group(8) + m.group(9) + m.group(10);
            String trailing = m.group(11);
            if (!trailing.isBlank()) {
                findings.add(ParseFinding.of(ParseCode.SRT_TIMING_TRAILING_TEXT, cueNumber, lineNumber,
                        "text after the end time ignored: '" + abbreviate(trailing.strip()) + "'"));
            } else if (!rawLine.equals(standard)) {
                count(ParseCode.SRT_NONSTANDARD_WHITESPACE, lineNumber);
            }
        }

        private String readIndex(int start, int timing, int number) {
            if (start == timing) {
                count(ParseCode.SRT_MISSING_INDEX, timing + 1);
                return null;
            }
            String raw = lines[start];
            String index = raw.strip();
            if (!raw.equals(index)) {
                count(ParseCode.SRT_NONSTANDARD_WHITESPACE, start + 1);
            }
            if (!isNumber(index)) {
                findings.add(ParseFinding.of(ParseCode.SRT_NON_NUMERIC_INDEX, number, start + 1,
                        "index line '" + abbreviate(index) + "' is not a number; kept as identifier"));
                return index;
            }
            if (index.length() <= 18) {
                long value = Long.parseLong(index);
                if (previousIndex != null && value != previousIndex + 1) {
                    findings.add(ParseFinding.of(ParseCode.SRT_INDEX_OUT_OF_SEQUENCE, number, start + 1,
                            "index " + value + " does not follow " + previousIndex + "; cues are renumbered"));
                }
                previousIndex = value;
            }
            return index;
        }

        /** Text lines [from, to): outer blank lines dropped, inner ones removed and reported. */
        private String readText(int from, int to, int number) {
            int first = from;
            int last = to - 1;
            while (last >= first && lines[last].isBlank()) {
                last--;
            }
            StringBuilder text = new StringBuilder();
            int firstBlank = -1;
            for (int i = first; i <= last; i++) {
                String line = lines[i].stripTrailing();
                if (line.isEmpty()) {
                    firstBlank = firstBlank < 0 ? i : firstBlank;
                    continue;
                }
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(line);
            }
            if (firstBlank >= 0) {
                findings.add(ParseFinding.of(ParseCode.SRT_BLANK_LINE_IN_CUE, number, firstBlank + 1,
                        "blank line inside the cue text removed; the text after it stays in this cue"
                                + " because no new cue starts there"));
            }
            return text.toString();
        }

        private void reportTextOutsideCues(int from, int to) {
            boolean inRun = false;
            for (int i = from; i < to; i++) {
                boolean blank = lines[i].isBlank();
                if (!blank && !inRun) {
                    findings.add(ParseFinding.of(ParseCode.SRT_TEXT_OUTSIDE_CUE, null, i + 1,
                            "text before the first cue ignored: '" + abbreviate(lines[i].strip()) + "'"));
                }
                inRun = !blank;
            }
        }

        private void reportMissingFinalBlankLine() {
            if (cues.isEmpty()) {
                return;
            }
            int end = text.length();
            while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
                end--;
            }
            int newlines = 0;
            while (end > 0 && text.charAt(end - 1) == '\n') {
                newlines++;
                end--;
                while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
                    end--;
                }
            }
            if (newlines < 2) {
                findings.add(ParseFinding.of(ParseCode.SRT_MISSING_FINAL_BLANK_LINE, cues.size(), lines.length,
                        "the file does not end with a blank line; the last cue is kept"));
            }
        }

        private void count(ParseCode code, int lineNumber) {
            tally.computeIfAbsent(code, c -> new int[] {lineNumber, 0})[1]++;
        }

        private void reportTally() {
            for (Map.Entry<ParseCode, int[]> e : tally.entrySet()) {
                int firstLine = e.getValue()[0];
                int times = e.getValue()[1];
                String what = switch (e.getKey()) {
                    case SRT_DOT_DECIMAL -> "timing line(s) use '.' instead of ',' before the milliseconds";
                    case SRT_HOURS_DIGITS -> "timing line(s) have hours with other than two digits";
                    case SRT_MISSING_INDEX -> "cue(s) have no index line";
                    default -> "line(s) have extra or missing spaces around the index or the timing";
                };
                findings.add(ParseFinding.of(e.getKey(), null, firstLine,
                        times + " " + what + " (first at line " + firstLine + "); accepted"));
            }
        }

        private static long millis(Matcher m, int firstGroup) {
            long hours = Long.parseLong(m.group(firstGroup));
            long minutes = Long.parseLong(m.group(firstGroup + 1));
            long seconds = Long.parseLong(m.group(firstGroup + 2));
            long fraction = Long.parseLong(m.group(firstGroup + 4));
            return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
        }

        private static boolean isNumber(String s) {
            if (s.isEmpty()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private static String abbreviate(String s) {
            return ParseIssue.abbreviate(s);
        }
    }
}
