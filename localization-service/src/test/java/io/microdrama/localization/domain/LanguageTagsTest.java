package io.microdrama.localization.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTagsTest {

    @ParameterizedTest
    @CsvSource({ "de,de", "pt-BR,pt-BR", "pt-br,pt-BR", "zh-hant,zh-Hant", "ZH-HANT-TW,zh-Hant-TW", "es-419,es-419",
            "fil,fil", "sr-Latn-RS,sr-Latn-RS", "' en ',en" })
    void wellFormedTagsBecomeCanonical(String tag, String canonical) {
        assertThat(LanguageTags.canonical(tag)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "not_a_language", "de_DE", "english", "x-klingon", "und", "12", "de--DE", "-de",
            "de-", "a", "abcdefghi", "xx", "qq-DE" })
    void anythingElseIsNotALanguage(String tag) {
        assertThat(LanguageTags.canonical(tag)).isEmpty();
    }

    @Test
    void aTagLongerThanTheColumnIsRefused() {
        assertThat(LanguageTags.canonical("de-" + "-abcdefgh".repeat(4).substring(1))).isEmpty();
        assertThat(LanguageTags.canonical(null)).isEmpty();
    }

    @Test
    void aGrantCoversItsTagAndMoreSpecificOnes() {
        List<String> cjk = List.of("ja", "ko", "zh-Hans", "zh-Hant");
        assertThat(LanguageTags.covers(cjk, "ja")).isTrue();
        assertThat(LanguageTags.covers(cjk, "ja-JP")).isTrue();
        assertThat(LanguageTags.covers(cjk, "zh-Hant-TW")).isTrue();
        assertThat(LanguageTags.covers(cjk, "zh-Hant")).isTrue();
        assertThat(LanguageTags.covers(List.of("zh-Hant"), "zh-Hans")).isFalse();
        assertThat(LanguageTags.covers(List.of("zh-Hant"), "zh")).as("a more general tag is not covered").isFalse();
        assertThat(LanguageTags.covers(List.of("es"), "es-419")).isTrue();
        assertThat(LanguageTags.covers(List.of("e"), "es")).as("prefix must end at a subtag").isFalse();
        assertThat(LanguageTags.covers(List.of("zh-hant"), "zh-Hant")).as("case-insensitive").isTrue();
        assertThat(LanguageTags.covers(List.of(), "de")).isFalse();
    }
}
