package io.microdrama.subtitles;

import io.microdrama.subtitles.SubtitleRejectedException.Reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * WebVTT parser following the W3C "WebVTT parser algorithm" (webvtt1 section 6.1), step by step, over the whole
 * decoded text: signature check, header block, then "collect a WebVTT block" until the end.
 *
 * <p>Differences from a browser: we keep a {@link ParseFinding} for everything skipped or tolerated; cues whose
 * end is not after their start are dropped (a browser keeps them but never shows them); the cue text is kept as
 * markup and not turned into a DOM (see {@link CueMarkup}). Never throws except for a missing signature; one pass
 * over the input, each line read at most twice (a line with "-->" that ends a block is re-read as the next one).
 */
public final class WebVttParser {

    /**
     * @param text decoded text (see {@link SubtitleDecoder}); a leading BOM and CR line endings are tolerated
     * @throws SubtitleRejectedException with {@link Reason#NOT_WEBVTT} when the WebVTT signature is missing
     */
    public SubtitleDocument parse(String text) {
        return new Run(prepare(text)).parse();
    }

    /** Spec preprocessing: NUL becomes U+FFFD, CRLF/CR become LF; plus BOM removal done by the decoding step. */
    private static String prepare(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return SubtitleDecoder.normalizeLineEndings(s.replace('\0', '\uFFFD'));
    }

    /** Checks steps 4-6 of the algorithm; null when fine, else the reason. */
    static String signatureProblem(String input) {
        if (!input.startsWith("WEBVTT")) {
            return "the file does not start with the WebVTT signature 'WEBVTT'";
        }
        if (input.length() > 6) {
            char seventh = input.charAt(6);
            if (seventh != ' ' && seventh != '\t' && seventh != '\n') {
                return "'WEBVTT' must be followed by a space, a tab or a line break, found '" + seventh + "'";
            }
        }
        return null;
    }

    /** State of one parse: the algorithm's input, position, seen cue flag and outputs. */
    private static final class Run {
        private final String input;
        private int position;
        /** 1-based line number of the character at {@link #position}. */
        private int line = 1;
        private boolean seenCue;

        private final List<Cue> cues = new ArrayList<>();
        private final List<ParseFinding> findings = new ArrayList<>();
        private final List<String> styleSheets = new ArrayList<>();
        private final List<WebVttRegion> regions = new ArrayList<>();
        /** Ids of {@link #regions}, for the per-cue lookup of a region setting in constant time. */
        private final Set<String> regionIds = new HashSet<>();
        private final Set<String> cueIdentifiers = new HashSet<>();
        private long previousStart = Long.MIN_VALUE;

        Run(String input) {
            this.input = input;
        }

        SubtitleDocument parse() {
            String problem = signatureProblem(input);
            if (problem != null) {
                throw new SubtitleRejectedException(Reason.NOT_WEBVTT, "Not a WebVTT file: " + problem + ".");
            }
            // Steps 7-10: the rest of the signature line is free header text, ignored.
            collectLine();
            if (atEnd()) {
                return document();
            }
            advanceOverLineFeed();
            if (atEnd()) {
                return document();
            }
            // Step 11: lines right after the signature line belong to the header (e.g. "Kind: captions").
            if (input.charAt(position) != '\n') {
                collectBlock(true);
            } else {
                advanceOverLineFeed();
            }
            skipLineFeeds();
            // Step 14: block loop.
            while (!atEnd()) {
                collectBlock(false);
                skipLineFeeds();
            }
            return document();
        }

        private SubtitleDocument document() {
            // Cue findings are added when the cue is complete; present them in source order.
            findings.sort(Comparator.comparingInt(ParseFinding::lineNumber));
            return new SubtitleDocument(SubtitleFormat.WEBVTT, cues, findings, styleSheets, regions);
        }

        /** "Collect a WebVTT block", optionally with the in header flag. */
        private void collectBlock(boolean inHeader) {
            int lineCount = 0;
            int previousPosition = position;
            int previousLine = line;
            StringBuilder buffer = new StringBuilder();
            boolean seenEof = false;
            boolean seenArrow = false;
            PendingCue cue = null;
            boolean timingFailed = false;
            boolean styleSheet = false;
            boolean region = false;
            String firstLine = null;
            int firstLineNumber = line;
            int contentLines = 0;
            while (true) {
                int lineNumber = line;
                String current = collectLine();
                lineCount++;
                if (atEnd()) {
                    seenEof = true;
                } else {
                    advanceOverLineFeed();
                }
                if (firstLine == null) {
                    firstLine = current;
                }
                if (current.contains("-->")) {
                    if (!inHeader && (lineCount == 1 || (lineCount == 2 && !seenArrow))) {
                        seenArrow = true;
                        previousPosition = position;
                        previousLine = line;
                        WebVttCueTiming timing = WebVttCueTiming.parse(current, regionIds);
                        if (timing.failed()) {
                            cue = null;
                            timingFailed = true;
                            findings.add(timing.failure().at(null, lineNumber));
                        } else {
                            String identifier = buffer.length() == 0 ? null : buffer.toString();
                            cue = new PendingCue(identifier, timing, lineNumber);
                            buffer.setLength(0);
                            seenCue = true;
                        }
                    } else {
                        reportBlockCutByArrow(inHeader, cue, lineNumber);
                        position = previousPosition;
                        line = previousLine;
                        break;
                    }
                } else if (current.isEmpty()) {
                    break;
                } else {
                    if (!inHeader && lineCount == 2) {
                        if (!seenCue && isKeywordLine(buffer, "STYLE")) {
                            styleSheet = true;
                            buffer.setLength(0);
                        } else if (!seenCue && isKeywordLine(buffer, "REGION")) {
                            region = true;
                            buffer.setLength(0);
                        }
                    }
                    if (buffer.length() > 0) {
                        buffer.append('\n');
                    }
                    buffer.append(current);
                    contentLines++;
                    previousPosition = position;
                    previousLine = line;
                }
                if (seenEof) {
                    break;
                }
            }
            if (cue != null) {
                finishCue(cue, buffer.toString());
            } else if (styleSheet) {
                styleSheets.add(buffer.toString());
            } else if (region) {
                WebVttRegion defined = regionFrom(buffer.toString());
                regions.add(defined);
                regionIds.add(defined.id());
            } else if (!inHeader && !timingFailed) {
                reportIgnoredBlock(firstLine, firstLineNumber, contentLines);
            }
        }

        private void reportBlockCutByArrow(boolean inHeader, PendingCue cue, int lineNumber) {
            if (inHeader) {
                findings.add(ParseFinding.of(ParseCode.VTT_HEADER_NOT_TERMINATED, null, lineNumber,
                        "the WEBVTT header must be followed by a blank line; line " + lineNumber
                                + " starts a cue right away"));
            } else if (cue != null) {
                cue.textCutAtLine = lineNumber;
            }
        }

        private void reportIgnoredBlock(String firstLine, int lineNumber, int lineCount) {
            if (firstLine == null || firstLine.isEmpty()) {
                return;
            }
            if (isCommentStart(firstLine)) {
                return;
            }
            boolean style = isKeywordLine(firstLine, "STYLE");
            if (style || isKeywordLine(firstLine, "REGION")) {
                String keyword = style ? "STYLE" : "REGION";
                if (seenCue) {
                    ParseCode code = style
                            ? ParseCode.VTT_STYLE_AFTER_CUE : ParseCode.VTT_REGION_AFTER_CUE;
                    findings.add(ParseFinding.of(code, null, lineNumber,
                            keyword + " blocks are only allowed before the first cue; this one is ignored"));
                }
                // An empty STYLE/REGION block before the first cue defines nothing: nothing to report.
                return;
            }
            findings.add(ParseFinding.of(ParseCode.VTT_BLOCK_IGNORED, null, lineNumber,
                    "block of " + lineCount + " line(s) without a cue timing line ('-->') ignored"
                            + " (a cue whose timing line is missing?)"));
        }

        private void finishCue(PendingCue pending, String text) {
            WebVttCueTiming timing = pending.timing;
            if (timing.endMs() <= timing.startMs()) {
                findings.add(ParseFinding.of(ParseCode.VTT_END_NOT_AFTER_START, null, pending.timingLine,
                        "cue dropped: end time " + WebVttTimestamp.format(timing.endMs())
                                + " is not after start time " + WebVttTimestamp.format(timing.startMs())));
                return;
            }
            int number = cues.size() + 1;
            for (ParseIssue issue : timing.issues()) {
                findings.add(issue.at(number, pending.timingLine));
            }
            if (pending.textCutAtLine > 0) {
                findings.add(ParseFinding.of(ParseCode.VTT_CUE_TEXT_CONTAINS_ARROW, number, pending.textCutAtLine,
                        "cue text may not contain '-->': this line ends cue " + number
                                + " and is read as the timing line of a new cue"));
            }
            String id = pending.identifier;
            if (id != null) {
                if (isCommentStart(id)) {
                    findings.add(ParseFinding.of(ParseCode.VTT_NOTE_PARSED_AS_CUE, number, pending.timingLine - 1,
                            "a NOTE block must not contain '-->'; it was read as a cue with identifier '"
                                    + id + "'"));
                }
                if (!cueIdentifiers.add(id)) {
                    findings.add(ParseFinding.of(ParseCode.VTT_DUPLICATE_CUE_ID, number, pending.timingLine - 1,
                            "cue identifier '" + id + "' is used by an earlier cue; identifiers must be unique"));
                }
            }
            if (timing.startMs() < previousStart) {
                findings.add(ParseFinding.of(ParseCode.VTT_CUE_OUT_OF_ORDER, number, pending.timingLine,
                        "cue starts before the previous cue; cues must be ordered by start time"));
            }
            previousStart = Math.max(previousStart, timing.startMs());
            cues.add(new Cue(number, id, timing.startMs(), timing.endMs(), text, timing.settings(),
                    pending.timingLine));
        }

        /** Collects the region id from the block's settings ("collect WebVTT region settings", id only). */
        private static WebVttRegion regionFrom(String settings) {
            String id = "";
            for (String token : WebVttCueSettingsParser.splitOnAsciiWhitespace(settings)) {
                int colon = token.indexOf(':');
                if (colon > 0 && colon < token.length() - 1 && token.substring(0, colon).equals("id")) {
                    id = token.substring(colon + 1);
                }
            }
            return new WebVttRegion(id, settings);
        }

        /** Buffer starts with the keyword and the rest is ASCII whitespace (STYLE / REGION detection). */
        private static boolean isKeywordLine(CharSequence buffer, String keyword) {
            String s = buffer.toString();
            if (!s.startsWith(keyword)) {
                return false;
            }
            for (int i = keyword.length(); i < s.length(); i++) {
                if (!WebVttCueSettingsParser.isAsciiWhitespace(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** "NOTE" followed by a space, tab, line break or nothing. */
        private static boolean isCommentStart(String firstLine) {
            return firstLine.startsWith("NOTE")
                    && (firstLine.length() == 4 || firstLine.charAt(4) == ' ' || firstLine.charAt(4) == '\t'
                    || firstLine.charAt(4) == '\n');
        }

        /** Collect a sequence of code points that are not LF; position stops at the LF or the end. */
        private String collectLine() {
            int end = input.indexOf('\n', position);
            if (end < 0) {
                end = input.length();
            }
            String result = input.substring(position, end);
            position = end;
            return result;
        }

        private void advanceOverLineFeed() {
            position++;
            line++;
        }

        private void skipLineFeeds() {
            while (!atEnd() && input.charAt(position) == '\n') {
                advanceOverLineFeed();
            }
        }

        private boolean atEnd() {
            return position >= input.length();
        }
    }

    /** A cue whose timing line is read and whose text is being collected. */
    private static final class PendingCue {
        final String identifier;
        final WebVttCueTiming timing;
        final int timingLine;
        /** Line with "-->" that ended the text early, 0 if none. */
        int textCutAtLine;

        PendingCue(String identifier, WebVttCueTiming timing, int timingLine) {
            this.identifier = identifier;
            this.timing = timing;
            this.timingLine = timingLine;
        }
    }
}
