package io.microdrama.subtitles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class QualityControlTest {

    private final QualityControl qc = new QualityControl(LanguageProfiles.loadDefault());

    /** Cues from (start, end, text) triples, numbered in order. */
    private static SubtitleDocument track(SubtitleFormat format, Object... startEndText) {
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < startEndText.length; i += 3) {
            cues.add(Cue.of(cues.size() + 1, ((Number) startEndText[i]).longValue(),
                    ((Number) startEndText[i + 1]).longValue(), (String) startEndText[i + 2]));
        }
        return SubtitleDocument.of(format, cues);
    }

    private static SubtitleDocument track(Object... startEndText) {
        return track(SubtitleFormat.WEBVTT, startEndText);
    }

    private QcReport check(SubtitleDocument doc, String language) {
        return qc.check(doc, QcContext.verticalEpisode(language, 120_000));
    }

    private static List<QcCode> codes(QcReport report) {
        return report.findings().stream().map(QcFinding::code).toList();
    }

    @Test
    void cleanEnglishTrackIsAccepted() {
        QcReport report = check(track(
                1000, 3000, "Hello there.",
                3100, 5500, "<i>Where were you</i>\nlast night?",
                5600, 8000, "I waited &amp; waited."), "en-US");
        assertThat(report.verdict()).isEqualTo(QcVerdict.ACCEPTED);
        assertThat(report.errorCount()).isZero();
        assertThat(report.warningCount()).isZero();
        assertThat(report.findings()).isEmpty();
        assertThat(report.profileLanguage()).isEqualTo("en");
        assertThat(report.vertical()).isTrue();
        assertThat(report.frameRate()).isEqualTo(30.0);
    }

    @Nested
    class LineLength {

        static Stream<Arguments> perLanguage() {
            return Stream.of(
                    // language, vertical, line, too long?
                    Arguments.of("en", true, "a".repeat(28), false),
                    Arguments.of("en", true, "a".repeat(29), true),
                    Arguments.of("en", false, "a".repeat(42), false),
                    Arguments.of("en", false, "a".repeat(43), true),
                    Arguments.of("ja", true, "あ".repeat(9), false),
                    Arguments.of("ja", true, "あ".repeat(10), true),
                    Arguments.of("ja", true, "A".repeat(18), false),     // half-width: 9
                    Arguments.of("ja", true, "A".repeat(19), true),      // 9.5
                    Arguments.of("ja", false, "あ".repeat(13), false),
                    Arguments.of("ja", false, "あいうえおかきくけこさしABC", true), // 12 + 1.5
                    Arguments.of("ja", false, "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊ", false), // 26 half-width katakana = 13
                    Arguments.of("zh-Hans", true, "你".repeat(11), false),
                    Arguments.of("zh-Hans", true, "你".repeat(12), true),
                    Arguments.of("zh-CN", true, "你好ABCDEFGHIJKLMNOPQR", false), // 2 + 9
                    Arguments.of("zh-Hant", false, "妳".repeat(17), true),
                    Arguments.of("ko", true, "안녕하세요 여러분", false),            // 8.5
                    Arguments.of("ko", true, "안녕하세요 여러분 반갑습니다", true),  // 14
                    Arguments.of("ko", false, "안녕하세요 여러분 반갑습니다", false),
                    Arguments.of("th", true, "กี".repeat(23), false),   // 23 graphemes, 46 code points
                    Arguments.of("th", true, "กี".repeat(24), true),
                    Arguments.of("ar", true, "بَ".repeat(28), false),   // harakat do not count
                    Arguments.of("ar", true, "بَ".repeat(29), true),
                    Arguments.of("he", true, "שָ".repeat(28), false),
                    Arguments.of("he", true, "שָ".repeat(29), true),
                    Arguments.of("hi", true, "कि".repeat(28), false),   // matra attaches
                    Arguments.of("hi", true, "कि".repeat(29), true));
        }

        @ParameterizedTest(name = "{0} vertical={1} [{2}] too long={3}")
        @MethodSource("perLanguage")
        void perLanguageLimits(String language, boolean vertical, String line, boolean tooLong) {
            QcReport report = qc.check(track(0, 6000, line),
                    new QcContext(language, 30, null, vertical));
            assertThat(codes(report).contains(QcCode.LINE_TOO_LONG)).isEqualTo(tooLong);
            if (tooLong) {
                assertThat(report.findings()).filteredOn(f -> f.code() == QcCode.LINE_TOO_LONG)
                        .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
            }
        }

        @Test
        void verticalLimitIsTighterThanHorizontal() {
            SubtitleDocument doc = track(0, 4000, "This line has thirty-five letters.");
            assertThat(codes(qc.check(doc, new QcContext("en", 30, null, false)))).doesNotContain(QcCode.LINE_TOO_LONG);
            assertThat(codes(qc.check(doc, new QcContext("en", 30, null, true)))).contains(QcCode.LINE_TOO_LONG);
        }

        @Test
        void tagsAndBidiMarksAreNotCounted() {
            String line = "<i>" + "a".repeat(28) + "</i>";
            assertThat(codes(check(track(0, 6000, line), "en"))).doesNotContain(QcCode.LINE_TOO_LONG);
            assertThat(codes(check(track(0, 6000, "\u200F" + "ب".repeat(28) + "\u200F"), "ar")))
                    .doesNotContain(QcCode.LINE_TOO_LONG);
        }
    }

    @Test
    void moreLinesThanAllowedIsAnError() {
        QcReport report = check(track(0, 4000, "one\ntwo\nthree"), "en");
        assertThat(report.findings()).extracting(QcFinding::code, QcFinding::severity, QcFinding::cueNumber)
                .containsExactly(tuple(QcCode.TOO_MANY_LINES, Severity.ERROR, 1));
        assertThat(report.verdict()).isEqualTo(QcVerdict.QC_FAILED);
    }

    @ParameterizedTest
    @CsvSource({
            "833, , ",
            "500, DURATION_TOO_SHORT, WARNING",
            "300, DURATION_TOO_SHORT, ERROR",
            "7000, , ",
            "8000, DURATION_TOO_LONG, WARNING",
            "15000, DURATION_TOO_LONG, ERROR",
    })
    void duration(long durationMs, QcCode code, Severity severity) {
        QcReport report = check(track(1000, 1000 + durationMs, "Hi"), "en");
        if (code == null) {
            assertThat(report.findings()).isEmpty();
        } else {
            assertThat(report.findings()).extracting(QcFinding::code, QcFinding::severity)
                    .containsExactly(tuple(code, severity));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "30, 66, false", "30, 65, true", "30, 0, true",
            "24, 83, false", "24, 70, true",
            "25, 80, false", "25, 79, true",
            "60, 33, false", "60, 32, true",
    })
    void minimumGapInFrames(double fps, long gapMs, boolean tooShort) {
        SubtitleDocument doc = track(0, 1000, "One", 1000 + gapMs, 2000 + gapMs, "Two");
        QcReport report = qc.check(doc, QcContext.verticalEpisode("en", 60_000).withFrameRate(fps));
        if (tooShort) {
            assertThat(report.findings()).extracting(QcFinding::code, QcFinding::severity, QcFinding::cueNumber)
                    .containsExactly(tuple(QcCode.GAP_TOO_SHORT, Severity.WARNING, 2));
        } else {
            assertThat(report.findings()).isEmpty();
        }
    }

    @Test
    void overlappingCuesAreErrorsIncludingNestedOnes() {
        QcReport report = check(track(
                1000, 6000, "long",
                2000, 3000, "inside",
                4000, 5000, "inside too",
                5900, 7000, "straddles"), "en");
        assertThat(report.findings()).extracting(QcFinding::code, QcFinding::cueNumber).containsExactly(
                tuple(QcCode.CUE_OVERLAP, 2), tuple(QcCode.CUE_OVERLAP, 3), tuple(QcCode.CUE_OVERLAP, 4));
        assertThat(report.errorCount()).isEqualTo(3);
    }

    @Test
    void overlapIsFoundEvenWhenCuesAreOutOfOrder() {
        QcReport report = check(track(5000, 7000, "second", 1000, 5500, "first"), "en");
        assertThat(report.findings()).extracting(QcFinding::code, QcFinding::cueNumber)
                .containsExactly(tuple(QcCode.CUE_OVERLAP, 1));
    }

    @Nested
    class ReadingSpeed {

        @ParameterizedTest
        @CsvSource({
                "20, ",          // 40 chars in 2 s: exactly the limit
                "22, WARNING",   // 10% over
                "24, WARNING",   // 20% over: still a warning
                "25, ERROR",     // 25% over
        })
        void englishLimitIs20(int charactersPerLine, Severity expected) {
            int perLine = charactersPerLine;
            String text = "a".repeat(perLine) + "\n" + "b".repeat(perLine);
            QcReport report = check(track(0, 2000, text), "en");
            if (expected == null) {
                assertThat(report.findings()).isEmpty();
            } else {
                assertThat(report.findings()).extracting(QcFinding::code, QcFinding::severity)
                        .containsExactly(tuple(QcCode.READING_SPEED_TOO_HIGH, expected));
            }
        }

        @ParameterizedTest
        @CsvSource({"はい, ", "ABCDEFGH, ", "こんにちA, WARNING", "こんにちは, ERROR"})
        void japaneseCountsHalfWidthAsHalf(String text, Severity expected) {
            QcReport report = check(track(0, 1000, text), "ja");
            List<QcFinding> speed = report.findings().stream()
                    .filter(f -> f.code() == QcCode.READING_SPEED_TOO_HIGH).toList();
            if (expected == null) {
                assertThat(speed).isEmpty();
            } else {
                assertThat(speed).extracting(QcFinding::severity).containsExactly(expected);
            }
        }

        @Test
        void markupDoesNotCount() {
            String text = "<b>" + "a".repeat(20) + "</b>\n<i>" + "b".repeat(20) + "</i>";
            assertThat(check(track(0, 2000, text), "en").findings()).isEmpty();
        }
    }

    @Test
    void cuesPastTheEpisodeEnd() {
        SubtitleDocument doc = track(8000, 9500, "fine", 9600, 10500, "runs over", 10000, 11000, "after the end");
        QcReport report = qc.check(doc, QcContext.verticalEpisode("en", 10_000));
        assertThat(report.findings()).extracting(QcFinding::code, QcFinding::severity, QcFinding::cueNumber)
                .contains(tuple(QcCode.CUE_ENDS_AFTER_EPISODE, Severity.WARNING, 2),
                        tuple(QcCode.CUE_AFTER_EPISODE_END, Severity.ERROR, 3));
        QcReport unknownLength = qc.check(doc, new QcContext("en", 30, null, true));
        assertThat(codes(unknownLength)).doesNotContain(QcCode.CUE_ENDS_AFTER_EPISODE, QcCode.CUE_AFTER_EPISODE_END);
    }

    @Test
    void emptyCuesAreErrors() {
        QcReport vtt = check(track(0, 2000, "<i></i>", 3000, 5000, "  \n "), "en");
        assertThat(vtt.findings()).extracting(QcFinding::code, QcFinding::cueNumber)
                .containsExactly(tuple(QcCode.EMPTY_CUE, 1), tuple(QcCode.EMPTY_CUE, 2));
        QcReport srt = check(track(SubtitleFormat.SRT, 0, 2000, "{\\an8}"), "en");
        assertThat(codes(srt)).containsExactly(QcCode.EMPTY_CUE);
    }

    @Test
    void handBuiltCueWithoutDurationIsAnError() {
        QcReport report = check(track(2000, 2000, "zero"), "en");
        assertThat(codes(report)).containsExactly(QcCode.INVALID_TIMING);
    }

    @Test
    void emptyTrackIsAnError() {
        QcReport report = check(track(), "en");
        assertThat(report.findings()).extracting(QcFinding::code, QcFinding::severity, QcFinding::cueNumber)
                .containsExactly(tuple(QcCode.TRACK_EMPTY, Severity.ERROR, null));
    }

    @Nested
    class RightToLeft {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "ar | مرحبا بكم                 | ",
                "ar | مرحبا Netflix             | BIDI_MARKS_MISSING",
                "ar | مرحبا \u200FNetflix        | ",
                "ar | مرحبا \u2068Netflix\u2069  | ",
                "ar | مرحبا &lrm;Netflix        | ",
                "ar | العدد 42                  | ",
                "he | שלום Netflix              | BIDI_MARKS_MISSING",
                "he | \u2067שלום\u2069 Netflix   | ",
                "ur | آپ کیسے ہیں OK            | BIDI_MARKS_MISSING",
                "en | Hello مرحبا               | ",
        })
        void mixedDirectionNeedsMarks(String language, String text, QcCode expected) {
            QcReport report = check(track(0, 3000, text), language);
            List<QcCode> bidi = codes(report).stream()
                    .filter(c -> c == QcCode.BIDI_MARKS_MISSING || c == QcCode.NO_RTL_TEXT).toList();
            if (expected == null) {
                assertThat(bidi).isEmpty();
            } else {
                assertThat(report.findings()).filteredOn(f -> f.code() == expected)
                        .extracting(QcFinding::severity).containsExactly(Severity.WARNING);
            }
        }

        @ParameterizedTest
        @CsvSource({"ar", "he", "ur"})
        void rtlTrackWithoutRtlTextIsTheWrongLanguage(String language) {
            QcReport report = check(track(0, 2000, "Hello", 3000, 5000, "there"), language);
            assertThat(report.findings()).extracting(QcFinding::code, QcFinding::severity)
                    .containsExactly(tuple(QcCode.NO_RTL_TEXT, Severity.ERROR));
            assertThat(report.verdict()).isEqualTo(QcVerdict.QC_FAILED);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ar      | WEBVTT | <i>مرحبا</i> | true",
            "ko      | SRT    | {\\i1}안녕    | true",
            "zh-Hant | SRT    | <i>你好</i>  | true",
            "en      | WEBVTT | <i>Hi</i>    | false",
            "ja      | WEBVTT | <i>はい</i>  | false",
    })
    void italicsWhereTheProfileHasNone(String language, SubtitleFormat format, String text, boolean warned) {
        QcReport report = check(track(format, 0, 2000, text), language);
        assertThat(report.findings()).filteredOn(f -> f.code() == QcCode.ITALICS_NOT_ALLOWED)
                .extracting(QcFinding::severity).containsExactlyElementsOf(warned ? List.of(Severity.WARNING) : List.of());
    }

    @Test
    void unknownLanguageUsesDefaultProfileWithWarning() {
        QcReport report = check(track(0, 2000, "Habari"), "sw");
        assertThat(report.profileLanguage()).isEqualTo("und");
        assertThat(report.findings()).extracting(QcFinding::code, QcFinding::severity)
                .containsExactly(tuple(QcCode.PROFILE_FALLBACK, Severity.WARNING));
        assertThat(report.verdict()).isEqualTo(QcVerdict.ACCEPTED);
        assertThat(report.warningCount()).isEqualTo(1);
    }

    @Test
    void parseErrorsFailTheTrackAndAreReported() {
        SubtitleDocument doc = new WebVttParser().parse(
                "WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nlost\n\n00:03.000 --> 00:05.000\nkept\n\nstray\n");
        QcReport report = check(doc, "en");
        assertThat(report.findings()).isEmpty();
        assertThat(report.parseFindings()).extracting(ParseFinding::code)
                .containsExactly(ParseCode.VTT_TIMESTAMP_COMMA, ParseCode.VTT_BLOCK_IGNORED);
        assertThat(report.errorCount()).isEqualTo(1);
        assertThat(report.warningCount()).isEqualTo(1);
        assertThat(report.verdict()).isEqualTo(QcVerdict.QC_FAILED);
    }

    @Test
    void findingsAreOrderedTrackLevelFirstThenByTime() {
        QcReport report = check(track(5000, 5100, "b", 1000, 1100, "a"), "xx");
        assertThat(report.findings()).extracting(QcFinding::cueNumber).containsExactly(null, 2, 1);
    }

    @Test
    void contextValidation() {
        assertThatThrownBy(() -> new QcContext("en", 0, null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QcContext("en", Double.NaN, null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QcContext(" ", 30, null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QcContext("en", 30, 0L, true)).isInstanceOf(IllegalArgumentException.class);
        QcContext ctx = QcContext.verticalEpisode("en", 90_000);
        assertThat(ctx.frameRate()).isEqualTo(QcContext.DEFAULT_FRAME_RATE);
        assertThat(ctx.withVertical(false).vertical()).isFalse();
        assertThat(ctx.minGapMs(2)).isEqualTo(66);
        assertThat(ctx.withFrameRate(23.976).minGapMs(2)).isEqualTo(83);
        assertThat(ctx.withFrameRate(29.97).minGapMs(2)).isEqualTo(66);
    }

    @Test
    void reportAndDocumentSerializeAsJsonWithoutAnnotations() throws Exception {
        SubtitleDocument doc = new WebVttParser().parse(
                "WEBVTT\n\nintro\n00:01.000 --> 00:03.000 line:90% align:start\nHi\n\n00:02.000 --> 00:04.000\nOverlap\n");
        QcReport report = check(doc, "en");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(mapper.writeValueAsString(new IngestResult(doc, report)));
        assertThat(json.at("/report/verdict").asText()).isEqualTo("QC_FAILED");
        assertThat(json.at("/report/errorCount").asInt()).isEqualTo(1);
        assertThat(json.at("/report/findings/0/code").asText()).isEqualTo("CUE_OVERLAP");
        assertThat(json.at("/report/findings/0/startMs").asLong()).isEqualTo(2000);
        assertThat(json.at("/document/cues/0/identifier").asText()).isEqualTo("intro");
        assertThat(json.at("/document/cues/0/settings/line").asDouble()).isEqualTo(90.0);
        assertThat(json.at("/document/cues/0/settings/align").asText()).isEqualTo("START");
        assertThat(json.at("/document/format").asText()).isEqualTo("WEBVTT");
        List<String> reportFields = new ArrayList<>();
        json.get("report").fieldNames().forEachRemaining(reportFields::add);
        assertThat(reportFields).containsExactlyInAnyOrder("verdict", "errorCount", "warningCount", "language",
                "profileLanguage", "vertical", "frameRate", "findings", "parseFindings");
    }
}
