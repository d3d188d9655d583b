package io.microdrama.subtitles;

import java.util.List;
import java.util.Objects;

/**
 * A parsed subtitle track: its cues in file order plus everything the parser had to say about the source.
 *
 * @param format      the format the text was parsed from; tells how to read {@link Cue#text()}
 * @param cues        kept cues, numbered 1..n in file order
 * @param findings    parse findings in source order
 * @param styleSheets WebVTT STYLE block contents (CSS, unparsed), empty for SRT
 * @param regions     WebVTT REGION definitions, empty for SRT
 */
public record SubtitleDocument(SubtitleFormat format, List<Cue> cues, List<ParseFinding> findings,
                               List<String> styleSheets, List<WebVttRegion> regions) {

    public SubtitleDocument {
        Objects.requireNonNull(format, "format");
        cues = List.copyOf(cues);
        findings = List.copyOf(findings);
        styleSheets = List.copyOf(styleSheets);
        regions = List.copyOf(regions);
    }

    /** A document without WebVTT header blocks. */
    public static SubtitleDocument of(SubtitleFormat format, List<Cue> cues) {
        return new SubtitleDocument(format, cues, List.of(), List.of(), List.of());
    }
}
