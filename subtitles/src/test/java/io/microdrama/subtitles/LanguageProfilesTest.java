package io.microdrama.subtitles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageProfilesTest {

    private final LanguageProfiles profiles = LanguageProfiles.loadDefault();

    @Test
    void shipsAllDraftLanguagesPlusIndicAndDefault() {
        assertThat(profiles.all()).extracting(LanguageProfile::language).contains(
                "en", "es", "pt", "fr", "de", "it", "nl", "pl", "sv", "tr", "id", "ms", "vi", "fil", "ru", "hi", "th",
                "ar", "he", "ur", "ja", "ko", "zh-Hans", "zh-Hant", "ta", "te", "und");
        assertThat(profiles.all()).hasSizeGreaterThanOrEqualTo(27);
    }

    @Test
    void everyVerticalLimitIsTighterThanHorizontal() {
        assertThat(profiles.all()).allSatisfy(p -> {
            assertThat(p.verticalMaxChars()).isLessThan(p.maxCharsPerLine());
            assertThat(p.lineLimit(true)).isEqualTo(p.verticalMaxChars());
            assertThat(p.lineLimit(false)).isEqualTo(p.maxCharsPerLine());
            assertThat(p.minDurationMs()).isEqualTo(833);
            assertThat(p.maxDurationMs()).isEqualTo(7000);
            assertThat(p.minGapFrames()).isEqualTo(2);
        });
    }

    @Test
    void keyValuesFromTheSources() {
        LanguageProfile en = profiles.resolve("en");
        assertThat(en.maxCharsPerLine()).isEqualTo(42);
        assertThat(en.cpsAdult()).isEqualTo(20);
        assertThat(en.countRule()).isEqualTo(CountRule.CODE_POINTS);
        LanguageProfile ja = profiles.resolve("ja");
        assertThat(ja.maxCharsPerLine()).isEqualTo(13);
        assertThat(ja.cpsAdult()).isEqualTo(4);
        assertThat(ja.countRule()).isEqualTo(CountRule.CJK_WIDTH);
        assertThat(profiles.resolve("ko").countRule()).isEqualTo(CountRule.HANGUL_WIDTH);
        assertThat(profiles.resolve("th").maxCharsPerLine()).isEqualTo(35);
        assertThat(profiles.resolve("ar").rtl()).isTrue();
        assertThat(profiles.resolve("ar").italicsAllowed()).isFalse();
        assertThat(profiles.resolve("he").rtl()).isTrue();
        assertThat(profiles.resolve("ur").rtl()).isTrue();
        assertThat(profiles.resolve("hi").cpsAdult()).isEqualTo(22);
        assertThat(profiles.resolve("zh-Hans").cpsAdult()).isEqualTo(9);
    }

    @ParameterizedTest
    @CsvSource({
            "en, en", "EN, en", "en-US, en", "en_GB, en", "pt-BR, pt", "es-419, es", "ar-EG, ar",
            "zh, zh-Hans", "zh-CN, zh-Hans", "zh-SG, zh-Hans", "zh-Hans-CN, zh-Hans",
            "zh-TW, zh-Hant", "zh-HK, zh-Hant", "zh-Hant, zh-Hant", "zh-Hant-TW, zh-Hant", "zh-Hans-HK, zh-Hans",
            "iw, he", "in, id", "tl, fil", "fil-PH, fil", "xx, und", "und, und", "'', und", "sr-Latn, und",
    })
    void resolvesLanguageTags(String tag, String profileLanguage) {
        assertThat(profiles.resolve(tag).language()).isEqualTo(profileLanguage);
        assertThat(profiles.find(tag).isPresent()).isEqualTo(!profileLanguage.equals("und"));
    }

    @Test
    void nullLanguageFallsBack() {
        assertThat(profiles.resolve(null)).isEqualTo(profiles.defaultProfile());
    }

    private static final String HEADER = String.join(",", LanguageProfiles.COLUMNS) + "\n";
    private static final String UND = "und,Zyyy,ltr,42,graphemes,17,13,2,true,28,833,7000,2,default\n";

    @Test
    void parsesCustomCsvWithCommentsAndCommasInNotes() {
        LanguageProfiles custom = LanguageProfiles.parse(new StringReader(
                "# comment\n\n" + HEADER + UND + "xx,Latn,rtl,30,codepoints,15,12,3,false,20,1000,6000,3,a, b, c\n"));
        LanguageProfile xx = custom.resolve("xx-YY");
        assertThat(xx.rtl()).isTrue();
        assertThat(xx.maxLines()).isEqualTo(3);
        assertThat(xx.minGapFrames()).isEqualTo(3);
    }

    @Test
    void rejectsBrokenCsvWithLineNumber() {
        assertThatThrownBy(() -> LanguageProfiles.parse(new StringReader(HEADER + UND + "xx,Latn,ltr,abc,codepoints,15,12,3,true,20,833,7000,2,n\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> LanguageProfiles.parse(new StringReader(HEADER + UND + "xx,Latn,ltr,30,letters,15,12,3,true,20,833,7000,2,n\n")))
                .hasMessageContaining("unknown count rule");
        assertThatThrownBy(() -> LanguageProfiles.parse(new StringReader(HEADER + UND + "xx,Latn,ltr,30,codepoints,15,12,3,true,40,833,7000,2,n\n")))
                .hasMessageContaining("vertical");
        assertThatThrownBy(() -> LanguageProfiles.parse(new StringReader(HEADER + UND + UND)))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> LanguageProfiles.parse(new StringReader("lang,script\n" + UND)))
                .hasMessageContaining("expected header");
        assertThatThrownBy(() -> LanguageProfiles.parse(new StringReader(HEADER)))
                .hasMessageContaining("'und'");
    }
}
