package io.microdrama.push;

import io.microdrama.subtitles.LanguageProfiles;
import io.microdrama.subtitles.QcContext;
import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.QualityControl;
import io.microdrama.subtitles.SubtitleDecoder;
import io.microdrama.subtitles.SubtitleDocument;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.subtitles.SubtitleIngest;
import io.microdrama.subtitles.SubtitleRejectedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The platform's subtitle pipeline on the studio's machine: the same {@code subtitles} module localization runs on
 * every upload (decoder with its 1 MiB limit, WebVTT/SRT parsers, QC with the shipped per-language profiles), with
 * the context localization uses by default: a 9:16 picture at 30 fps ({@code SUBTITLE_VERTICAL},
 * {@code SUBTITLE_FRAME_RATE}) and the episode's length from the drama.
 */
final class LocalQualityControl {

    private final SubtitleDecoder decoder = new SubtitleDecoder(SubtitleDecoder.DEFAULT_MAX_BYTES);
    private final SubtitleIngest ingest = SubtitleIngest.withDefaults();
    private final QualityControl qualityControl = new QualityControl(LanguageProfiles.loadDefault());

    /** What the platform would refuse outright (a 4xx, nothing stored), or empty when it can read the file. */
    Optional<String> refusal(SubtitleFile file) {
        try {
            read(file);
            return Optional.empty();
        } catch (SubtitleRejectedException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The QC report the platform would store for this file. The file must be readable ({@link #refusal} empty). */
    QcReport check(SubtitleFile file, int episodeDurationSeconds) {
        SubtitleDocument document = read(file);
        return qualityControl.check(document, QcContext.verticalEpisode(file.language(), episodeDurationSeconds * 1000L));
    }

    private SubtitleDocument read(SubtitleFile file) {
        try {
            long size = Files.size(file.path());
            if (size > decoder.maxBytes()) {
                // Checked before reading: the decoder would say the same after loading the whole file.
                throw new SubtitleRejectedException(SubtitleRejectedException.Reason.TOO_LARGE,
                        "The subtitle file has " + size + " bytes; the limit is " + decoder.maxBytes() + " bytes.");
            }
            String text = decoder.decode(Files.readAllBytes(file.path()));
            SubtitleFormat declared = file.format().equals("vtt") ? SubtitleFormat.WEBVTT : SubtitleFormat.SRT;
            SubtitleFormat detected = SubtitleIngest.detect(text);
            if (declared != detected) {
                // The platform refuses a body whose content is not the format its name (Content-Type) declares.
                throw new SubtitleRejectedException(SubtitleRejectedException.Reason.UNRECOGNIZED_FORMAT,
                        declared == SubtitleFormat.WEBVTT ? "a WebVTT file must start with the line WEBVTT"
                                : "starts with WEBVTT: name it .vtt (the platform refuses a WebVTT body sent as SRT)");
            }
            return ingest.parseText(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
