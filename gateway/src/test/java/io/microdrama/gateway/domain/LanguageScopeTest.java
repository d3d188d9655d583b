package io.microdrama.gateway.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway applies the platform's language-tag rule (contracts LanguageTags), not a copy of its own. */
class LanguageScopeTest {

    /** Tags the gateway used to accept (and check a localizer's scope for) while localization refused them. */
    @ParameterizedTest
    @ValueSource(strings = { "xx", "qq-DE", "english", "abcde", "qqq", "mul", "de-" + "abcdefgh-abcdefgh-abcdefgh-abcdefgh" })
    void tagsTheServiceRefusesAreNoLanguageHereEither(String tag) {
        assertThat(LanguageScope.canonical(tag)).isEmpty();
    }

    @Test
    void tagsAreCanonicalAndGrantsCoverMoreSpecificTags() {
        assertThat(LanguageScope.canonical("zh-hant-tw")).contains("zh-Hant-TW");
        assertThat(LanguageScope.covers(List.of("zh-Hant"), "zh-hant-tw")).isTrue();
        assertThat(LanguageScope.covers(List.of("es"), "es-419")).isTrue();
        assertThat(LanguageScope.covers(List.of("zh-Hant"), "zh-Hans")).isFalse();
    }

    @Test
    void aRepresentationSuffixIsNotPartOfTheTag() {
        assertThat(LanguageScope.withoutFileSuffix("de.VTT")).isEqualTo("de");
        assertThat(LanguageScope.withoutFileSuffix("pt-BR.json")).isEqualTo("pt-BR");
        assertThat(LanguageScope.withoutFileSuffix("de")).isEqualTo("de");
    }
}
