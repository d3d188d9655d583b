package io.microdrama.contracts.languages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageTagsTest {

    @ParameterizedTest
    @CsvSource({ "de,de", "pt-BR,pt-BR", "pt-br,pt-BR", "zh-hant,zh-Hant", "ZH-HANT-TW,zh-Hant-TW", "es-419,es-419",
            "fil,fil", "yue,yue", "sr-Latn-RS,sr-Latn-RS", "de-DE-1996,de-DE-1996" })
    void acceptedTagsBecomeCanonical(String tag, String canonical) {
        assertThat(LanguageTags.parse(tag)).contains(canonical);
        assertThat(LanguageTags.isKnown(tag)).isTrue();
        assertThat(LanguageTags.canonical(tag)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "not_a_language", "de_DE", "x-klingon", "und", "12", "de--DE", "-de", "de-", "a",
            "abcdefghi" })
    void malformedTagsAreRefused(String tag) {
        assertThat(LanguageTags.parse(tag)).isEmpty();
        assertThat(LanguageTags.isKnown(tag)).isFalse();
    }

    /**
     * The tags the three former rules disagreed on. The gateway accepted every well-formed tag but "und" (so it
     * checked a localizer's scope for "xx" and "english", which the service then refused); localization accepted any
     * three letters ("qqq") and stripped whitespace; contracts (catalog, studio-push) had no length limit, so a
     * studio could publish a tag localization could not store.
     */
    @ParameterizedTest
    @ValueSource(strings = { "xx", "qq-DE", "english", "abcde", "qqq", "qqq-DE", " en ", "en ", "mul", "zxx", "mis" })
    void tagsTheFormerRulesDisagreedOnAreRefusedEverywhere(String tag) {
        assertThat(LanguageTags.parse(tag)).isEmpty();
        assertThat(LanguageTags.isKnown(tag)).isFalse();
    }

    @Test
    void aTagLongerThanTheDatabaseColumnIsRefused() {
        String longest = "de-x-" + "abcdefgh-".repeat(3) + "abc";
        assertThat(longest).hasSize(LanguageTags.MAX_LENGTH);
        assertThat(LanguageTags.parse(longest)).isPresent();
        assertThat(LanguageTags.parse(longest + "d")).isEmpty();
        assertThat(LanguageTags.parse(null)).isEmpty();
    }

    @Test
    void canonicalOfARefusedTagIsAnError() {
        assertThatThrownBy(() -> LanguageTags.canonical("qqq")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGrantCoversItsTagAndMoreSpecificOnes() {
        List<String> cjk = List.of("ja", "ko", "zh-Hans", "zh-Hant");
        assertThat(LanguageTags.covers(cjk, "ja")).isTrue();
        assertThat(LanguageTags.covers(cjk, "ja-JP")).isTrue();
        assertThat(LanguageTags.covers(cjk, "zh-Hant-TW")).isTrue();
        assertThat(LanguageTags.covers(cjk, "zh-hant-tw")).as("the wanted tag is canonicalised too").isTrue();
        assertThat(LanguageTags.covers(List.of("zh-Hant"), "zh-Hans")).isFalse();
        assertThat(LanguageTags.covers(List.of("zh-Hant"), "zh")).as("a more general tag is not covered").isFalse();
        assertThat(LanguageTags.covers(List.of("es"), "es-419")).isTrue();
        assertThat(LanguageTags.covers(List.of("e"), "es")).as("a prefix must end at a subtag").isFalse();
        assertThat(LanguageTags.covers(List.of("zh-hant"), "zh-Hant")).as("case-insensitive").isTrue();
        assertThat(LanguageTags.covers(List.of(), "de")).isFalse();
    }

    @Test
    void thePrimarySubtagIsTheLanguage() {
        assertThat(LanguageTags.primary("es-419")).isEqualTo("es");
        assertThat(LanguageTags.primary("zh-Hant-TW")).isEqualTo("zh");
        assertThat(LanguageTags.primary("fil")).isEqualTo("fil");
    }
}
