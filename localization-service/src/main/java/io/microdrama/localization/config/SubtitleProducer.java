package io.microdrama.localization.config;

import io.microdrama.subtitles.LanguageProfiles;
import io.microdrama.subtitles.QualityControl;
import io.microdrama.subtitles.SubtitleDecoder;
import io.microdrama.subtitles.SubtitleIngest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The subtitle pipeline (plain Java, module subtitles, see subtitles/docs/subtitles.md) with the configured size limit and shipped profiles. */
public class SubtitleProducer {

    @Produces
    @ApplicationScoped
    SubtitleDecoder subtitleDecoder(SubtitleConfig config) {
        return new SubtitleDecoder(config.maxBytes());
    }

    @Produces
    @ApplicationScoped
    QualityControl qualityControl() {
        return new QualityControl(LanguageProfiles.loadDefault());
    }

    @Produces
    @ApplicationScoped
    SubtitleIngest subtitleIngest(SubtitleDecoder decoder, QualityControl qualityControl) {
        return new SubtitleIngest(decoder, qualityControl);
    }
}
