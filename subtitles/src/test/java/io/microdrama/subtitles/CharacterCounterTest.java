package io.microdrama.subtitles;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.microdrama.subtitles.CountRule.CJK_WIDTH;
import static io.microdrama.subtitles.CountRule.CODE_POINTS;
import static io.microdrama.subtitles.CountRule.GRAPHEMES;
import static io.microdrama.subtitles.CountRule.HANGUL_WIDTH;
import static org.assertj.core.api.Assertions.assertThat;

class CharacterCounterTest {

    @ParameterizedTest(name = "{0} under {1} = {2}")
    @CsvSource(delimiter = '|', value = {
            // Latin: spaces and punctuation count
            "Hello, world!          | CODE_POINTS  | 13",
            // decomposed é (e + U+0301) is normalized to one code point
            "Cafe\u0301              | CODE_POINTS  | 4",
            // emoji outside the BMP is one code point
            "ok \uD83D\uDE00         | CODE_POINTS  | 4",
            // bidi marks and isolates are invisible
            "\u200Fabc\u2068d\u2069  | CODE_POINTS  | 4",
            // Japanese: full-width 1, half-width 0.5
            "こんにちは                | CJK_WIDTH    | 5",
            "こんにちはABC            | CJK_WIDTH    | 6.5",
            "ｺﾝﾆﾁﾊ                   | CJK_WIDTH    | 2.5",
            "「はい」、２０２６年       | CJK_WIDTH    | 10",
            "2026年                  | CJK_WIDTH    | 3",
            // Chinese
            "你好，世界！             | CJK_WIDTH    | 6",
            "你好 OK                 | CJK_WIDTH    | 3.5",
            // Korean: Hangul 1; Latin, digits, space, punctuation 0.5
            "안녕하세요               | HANGUL_WIDTH | 5",
            "안녕 OK!                | HANGUL_WIDTH | 4",
            "10시에 만나요.           | HANGUL_WIDTH | 7",
            // Thai: vowel signs and tone marks belong to their consonant
            "สวัสดีครับ               | GRAPHEMES    | 7",
            "น้ำ                      | GRAPHEMES    | 1",
            // Arabic with harakat: marks do not add graphemes
            "مَرْحَبًا                  | GRAPHEMES    | 5",
            "مرحبا                   | GRAPHEMES    | 5",
            // Hebrew with niqqud
            "שָׁלוֹם                   | GRAPHEMES    | 4",
            // Hindi: matras attach (JDK 17 splits virama conjuncts, see CharacterCounter)
            "नमस्ते                    | GRAPHEMES    | 4",
            // Vietnamese, decomposed diacritics
            "Vie\u0302\u0323t        | GRAPHEMES    | 4",
    })
    void counts(String text, CountRule rule, double expected) {
        assertThat(CharacterCounter.count(text, rule)).isEqualTo(expected);
    }

    @Test
    void graphemesNeverCountMoreThanCodePoints() {
        String thai = "ผมไม่รู้ว่าคุณพูดถึงอะไร";
        assertThat(CharacterCounter.count(thai, GRAPHEMES)).isLessThan(CharacterCounter.count(thai, CODE_POINTS));
    }

    @Test
    void emptyLineCountsZero() {
        for (CountRule rule : CountRule.values()) {
            assertThat(CharacterCounter.count("", rule)).isZero();
        }
    }
}
