package io.microdrama.localization.application;

import io.microdrama.localization.config.SubtitleConfig;
import io.microdrama.localization.domain.EpisodeSpan;
import io.microdrama.subtitles.QcContext;
import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.QualityControl;
import io.microdrama.subtitles.SubtitleDocument;
import jakarta.enterprise.context.ApplicationScoped;

/** QC of a track against its episode: the episode's length, the configured frame rate and picture orientation. */
@ApplicationScoped
public class TrackQualityControl {

    private final QualityControl qualityControl;
    private final SubtitleConfig config;

    public TrackQualityControl(QualityControl qualityControl, SubtitleConfig config) {
        this.qualityControl = qualityControl;
        this.config = config;
    }

    public QcReport check(SubtitleDocument document, String language, EpisodeSpan episode) {
        Long durationMs = episode.durationMs() > 0 ? episode.durationMs() : null;
        return qualityControl.check(document, new QcContext(language, config.frameRate(), durationMs, config.vertical()));
    }
}
