package io.microdrama.subtitles;

import io.microdrama.subtitles.SubtitleRejectedException.Reason;

/**
 * Entry point for an uploaded track: decode, detect the format, parse, run QC.
 *
 * <pre>{@code
 * IngestResult result = SubtitleIngest.withDefaults().ingest(body, QcContext.verticalEpisode("pt-BR", 95_000));
 * }</pre>
 */
public final class SubtitleIngest {

    private final SubtitleDecoder decoder;
    private final QualityControl qualityControl;
    private final WebVttParser webVttParser = new WebVttParser();
    private final SrtParser srtParser = new SrtParser();

    public SubtitleIngest(SubtitleDecoder decoder, QualityControl qualityControl) {
        this.decoder = decoder;
        this.qualityControl = qualityControl;
    }

    /** 1 MiB limit and the shipped language profiles. */
    public static SubtitleIngest withDefaults() {
        return new SubtitleIngest(new SubtitleDecoder(SubtitleDecoder.DEFAULT_MAX_BYTES),
                new QualityControl(LanguageProfiles.loadDefault()));
    }

    /**
     * @throws SubtitleRejectedException when the body is not a readable subtitle file (see its reason)
     */
    public IngestResult ingest(byte[] body, QcContext context) {
        SubtitleDocument document = parse(body);
        return new IngestResult(document, qualityControl.check(document, context));
    }

    /** Decode and parse only (e.g. for format conversion). */
    public SubtitleDocument parse(byte[] body) {
        return parseText(decoder.decode(body));
    }

    /** Format detection: text starting with "WEBVTT" is WebVTT (and must pass its signature check), else SRT. */
    public SubtitleDocument parseText(String text) {
        if (detect(text) == SubtitleFormat.WEBVTT) {
            return webVttParser.parse(text);
        }
        SubtitleDocument document = srtParser.parse(text);
        if (document.cues().isEmpty() && !text.contains("-->")) {
            throw new SubtitleRejectedException(Reason.UNRECOGNIZED_FORMAT,
                    "Neither WebVTT (no 'WEBVTT' first line) nor SRT (no timing line such as"
                            + " '00:00:01,000 --> 00:00:02,000').");
        }
        return document;
    }

    public static SubtitleFormat detect(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return s.startsWith("WEBVTT") ? SubtitleFormat.WEBVTT : SubtitleFormat.SRT;
    }
}
