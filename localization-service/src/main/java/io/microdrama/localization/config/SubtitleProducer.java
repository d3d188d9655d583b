package io.microdrama.localization.config;

import io.microdrama.localization.domain.subtitle.LanguageProfiles;
import io.microdrama.localization.domain.subtitle.QualityControl;
import io.microdrama.localization.domain.subtitle.SubtitleDecoder;
import io.microdrama.localization.domain.subtitle.SubtitleIngest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The subtitle pipeline (plain Java, see docs/subtitles.md) with the configured size limit and shipped profiles. */
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
