package io.microdrama.subtitles;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a document as WebVTT: UTF-8 text, LF line endings, timestamps always with hours ({@code 00:01:02.500}),
 * one blank line after every block. From SRT, tags are translated (see {@link MarkupConverter}) and the text is
 * escaped; SRT index lines are not carried over (WebVTT identifiers are optional and must be unique, SRT indexes
 * need not be). From WebVTT, identifiers, settings, STYLE and REGION blocks are kept.
 */
public final class WebVttWriter {

    public SubtitleOutput write(SubtitleDocument document) {
        List<ConversionFinding> findings = new ArrayList<>();
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        boolean fromWebVtt = document.format() == SubtitleFormat.WEBVTT;
        if (fromWebVtt) {
            for (WebVttRegion region : document.regions()) {
                appendHeaderBlock(out, "REGION", region.settings());
            }
            for (String css : document.styleSheets()) {
                appendHeaderBlock(out, "STYLE", css);
            }
        }
        int number = 0;
        for (Cue cue : document.cues()) {
            int cueNumber = ++number;
            if (fromWebVtt && cue.identifier() != null) {
                String id = cue.identifier();
                if (id.contains("-->") || id.indexOf('\n') >= 0 || id.isBlank()) {
                    findings.add(new ConversionFinding(cueNumber, ConversionFinding.Code.IDENTIFIER_DROPPED,
                            "identifier '" + id + "' is not a valid WebVTT cue identifier; dropped"));
                } else {
                    out.append(id).append('\n');
                }
            }
            out.append(WebVttTimestamp.format(cue.startMs())).append(" --> ")
                    .append(WebVttTimestamp.format(cue.endMs()));
            String settings = fromWebVtt ? cue.settings().render() : "";
            if (!settings.isEmpty()) {
                out.append(' ').append(settings);
            }
            out.append('\n');
            String markup = fromWebVtt ? cue.text() : MarkupConverter.srtToWebVtt(cue.text(),
                    (code, message) -> findings.add(new ConversionFinding(cueNumber, code, message)));
            appendText(out, markup, cueNumber, findings);
            out.append('\n');
        }
        return new SubtitleOutput(SubtitleFormat.WEBVTT, out.toString(), findings);
    }

    private static void appendText(StringBuilder out, String markup, int cueNumber, List<ConversionFinding> findings) {
        if (markup.isEmpty()) {
            return;
        }
        boolean[] removedBlank = {false};
        for (String line : MarkupConverter.linesKeptInBlock(markup, SubtitleFormat.WEBVTT, removedBlank)) {
            // A cue text line with "-->" would end the cue when read back; the escaped form renders the same.
            out.append(line.replace("-->", "--&gt;")).append('\n');
        }
        if (removedBlank[0]) {
            findings.add(new ConversionFinding(cueNumber, ConversionFinding.Code.BLANK_LINE_REMOVED,
                    "blank line in cue text removed; it would end the cue"));
        }
    }

    private static void appendHeaderBlock(StringBuilder out, String keyword, String body) {
        boolean[] ignored = {false};
        List<String> lines = MarkupConverter.linesKeptInBlock(body, SubtitleFormat.WEBVTT, ignored);
        if (lines.stream().anyMatch(l -> l.contains("-->"))) {
            return; // cannot be written without breaking the file; a parsed document never has this
        }
        out.append(keyword).append('\n');
        for (String line : lines) {
            out.append(line).append('\n');
        }
        out.append('\n');
    }
}
