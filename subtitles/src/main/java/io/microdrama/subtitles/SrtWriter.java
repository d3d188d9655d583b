package io.microdrama.subtitles;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a document as SRT: cues renumbered from 1, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm}, LF line endings, a blank
 * line after every cue (including the last). From WebVTT, character references are decoded, {@code <i> <b> <u>}
 * kept, default colour classes become {@code <font color>}, ruby is written as "base(annotation)", other tags and
 * all cue settings are dropped (SRT has no positioning we could rely on).
 */
public final class SrtWriter {

    public SubtitleOutput write(SubtitleDocument document) {
        List<ConversionFinding> findings = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        boolean fromWebVtt = document.format() == SubtitleFormat.WEBVTT;
        int number = 0;
        for (Cue cue : document.cues()) {
            int cueNumber = ++number;
            out.append(cueNumber).append('\n')
                    .append(SubtitleTime.format(cue.startMs(), ',')).append(" --> ")
                    .append(SubtitleTime.format(cue.endMs(), ',')).append('\n');
            String text = fromWebVtt ? MarkupConverter.webVttToSrt(cue.text(),
                    (code, message) -> findings.add(new ConversionFinding(cueNumber, code, message))) : cue.text();
            appendText(out, text, cueNumber, findings);
            out.append('\n');
        }
        return new SubtitleOutput(SubtitleFormat.SRT, out.toString(), findings);
    }

    private static void appendText(StringBuilder out, String text, int cueNumber, List<ConversionFinding> findings) {
        if (text.isEmpty()) {
            return;
        }
        boolean[] removedBlank = {false};
        for (String line : MarkupConverter.linesKeptInBlock(text, SubtitleFormat.SRT, removedBlank)) {
            if (SrtParser.looksLikeTimingLine(line)) {
                // SRT has no escaping: a text line like "10:30 --> later" would start a new cue when read back.
                line = line.replace("-->", "\u2192").replace("->", "\u2192");
                findings.add(new ConversionFinding(cueNumber, ConversionFinding.Code.ARROW_REPLACED,
                        "text line would read as a timing line; its arrow was replaced by \u2192"));
            }
            out.append(line).append('\n');
        }
        if (removedBlank[0]) {
            findings.add(new ConversionFinding(cueNumber, ConversionFinding.Code.BLANK_LINE_REMOVED,
                    "blank line in cue text removed; it would end the cue"));
        }
    }
}
