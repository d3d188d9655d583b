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

    /**
     * Format detection: text starting with "WEBVTT" is WebVTT (and must pass its signature check), else SRT.
     *
     * @param text as {@link SubtitleDecoder#decode} returns it: the byte order mark is already removed, so a U+FEFF
     *             still in front of "WEBVTT" is a second one, which the WebVTT signature check refuses
     */
    public SubtitleDocument parseText(String text) {
        if (detect(text) == SubtitleFormat.WEBVTT) {
            if (text.startsWith("\uFEFF")) {
                throw new SubtitleRejectedException(Reason.NOT_WEBVTT, "Not a WebVTT file: it starts with more than"
                        + " one byte order mark (U+FEFF), and 'WEBVTT' must directly follow the first one;"
                        + " please re-export the file.");
            }
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

    /** Leading U+FEFFs are skipped, so a file with two byte order marks is recognised (and refused) as WebVTT. */
    public static SubtitleFormat detect(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\uFEFF') {
            start++;
        }
        return text.startsWith("WEBVTT", start) ? SubtitleFormat.WEBVTT : SubtitleFormat.SRT;
    }
}
