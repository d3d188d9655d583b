package io.microdrama.subtitles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SrtParserTest {

    private final SrtParser parser = new SrtParser();

    private static final String STANDARD = """
            1
            00:00:01,000 --> 00:00:02,500
            Hello there.

            2
            00:00:03,000 --> 00:00:04,000
            <i>Two</i>
            lines

            """;

    private static List<ParseCode> codes(SubtitleDocument doc) {
        return doc.findings().stream().map(ParseFinding::code).toList();
    }

    @Test
    void parsesStandardFile() {
        SubtitleDocument doc = parser.parse(STANDARD);
        assertThat(doc.format()).isEqualTo(SubtitleFormat.SRT);
        assertThat(doc.cues()).extracting(Cue::number, Cue::identifier, Cue::startMs, Cue::endMs, Cue::text, Cue::sourceLine)
                .containsExactly(tuple(1, "1", 1000L, 2500L, "Hello there.", 2),
                        tuple(2, "2", 3000L, 4000L, "<i>Two</i>\nlines", 6));
        assertThat(doc.findings()).isEmpty();
        assertThat(doc.cues()).allSatisfy(c -> assertThat(c.settings()).isEqualTo(CueSettings.NONE));
    }

    @Test
    void crlfIsTheSameAsLf() {
        assertThat(parser.parse(STANDARD.replace("\n", "\r\n"))).isEqualTo(parser.parse(STANDARD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"last cue", "last cue\n"})
    void missingFinalBlankLineKeepsLastCue(String ending) {
        SubtitleDocument doc = parser.parse("1\n00:00:01,000 --> 00:00:02,000\nfirst\n\n2\n00:00:03,000 --> 00:00:04,000\n" + ending);
        assertThat(doc.cues()).extracting(Cue::text).containsExactly("first", "last cue");
        assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::severity)
                .containsExactly(tuple(ParseCode.SRT_MISSING_FINAL_BLANK_LINE, Severity.INFO));
    }

    @Test
    void dotInsteadOfCommaIsAcceptedAndReportedOnce() {
        SubtitleDocument doc = parser.parse("1\n00:00:01.000 --> 00:00:02.000\na\n\n2\n00:00:03.000 --> 00:00:04,000\nb\n\n");
        assertThat(doc.cues()).extracting(Cue::startMs, Cue::endMs).containsExactly(tuple(1000L, 2000L), tuple(3000L, 4000L));
        assertThat(doc.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ParseCode.SRT_DOT_DECIMAL);
            assertThat(f.lineNumber()).isEqualTo(2);
            assertThat(f.message()).startsWith("2 timing line(s)");
        });
    }

    @Test
    void extraSpacesAreAccepted() {
        SubtitleDocument doc = parser.parse("  1  \n  00:00:01,000   -->\t00:00:02,000   \nspaced   \n\n");
        assertThat(doc.cues()).extracting(Cue::identifier, Cue::startMs, Cue::endMs, Cue::text)
                .containsExactly(tuple("1", 1000L, 2000L, "spaced"));
        assertThat(codes(doc)).containsExactly(ParseCode.SRT_NONSTANDARD_WHITESPACE);
    }

    @Test
    void oneDigitHoursAreAccepted() {
        SubtitleDocument doc = parser.parse("1\n1:00:01,000 --> 1:00:02,000\nx\n\n");
        assertThat(doc.cues()).extracting(Cue::startMs).containsExactly(3_601_000L);
        assertThat(codes(doc)).containsExactly(ParseCode.SRT_HOURS_DIGITS);
    }

    @Test
    void missingIndexLinesAreAccepted() {
        SubtitleDocument doc = parser.parse("00:00:01,000 --> 00:00:02,000\na\n\n00:00:03,000 --> 00:00:04,000\nb\n\n");
        assertThat(doc.cues()).extracting(Cue::number, Cue::identifier, Cue::text)
                .containsExactly(tuple(1, null, "a"), tuple(2, null, "b"));
        assertThat(doc.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ParseCode.SRT_MISSING_INDEX);
            assertThat(f.message()).startsWith("2 cue(s)");
        });
    }

    @Test
    void nonNumericIndexIsKeptAsIdentifier() {
        SubtitleDocument doc = parser.parse("Scene A\n00:00:01,000 --> 00:00:02,000\na\n\n");
        assertThat(doc.cues()).extracting(Cue::identifier).containsExactly("Scene A");
        assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::cueNumber, ParseFinding::lineNumber)
                .containsExactly(tuple(ParseCode.SRT_NON_NUMERIC_INDEX, 1, 1));
    }

    @Test
    void indexOutOfSequenceIsInfoAndCuesAreRenumbered() {
        SubtitleDocument doc = parser.parse("5\n00:00:01,000 --> 00:00:02,000\na\n\n9\n00:00:03,000 --> 00:00:04,000\nb\n\n");
        assertThat(doc.cues()).extracting(Cue::number, Cue::identifier).containsExactly(tuple(1, "5"), tuple(2, "9"));
        assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::severity)
                .containsExactly(tuple(ParseCode.SRT_INDEX_OUT_OF_SEQUENCE, Severity.INFO));
    }

    @Test
    void tagsAreKeptInTextAndStrippedForMeasurement() {
        String text = "<i>Hi</i> <b>you</b> <u>there</u> <font color=\"#ff0000\">red</font>";
        SubtitleDocument doc = parser.parse("1\n00:00:01,000 --> 00:00:02,000\n" + text + "\n\n");
        assertThat(doc.cues().get(0).text()).isEqualTo(text);
        assertThat(CueMarkup.visibleText(SubtitleFormat.SRT, text)).isEqualTo("Hi you there red");
    }

    @Test
    void blankLineInsideCueIsRemovedAndTextKept() {
        SubtitleDocument doc = parser.parse("1\n00:00:01,000 --> 00:00:02,000\nLine one\n\nLine two\n\n2\n00:00:03,000 --> 00:00:04,000\nNext\n\n");
        assertThat(doc.cues()).extracting(Cue::text).containsExactly("Line one\nLine two", "Next");
        assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::cueNumber, ParseFinding::lineNumber)
                .containsExactly(tuple(ParseCode.SRT_BLANK_LINE_IN_CUE, 1, 4));
    }

    @Test
    void blankLineBetweenTimingAndTextIsTolerated() {
        SubtitleDocument doc = parser.parse("1\n00:00:01,000 --> 00:00:02,000\n\nlate text\n\n");
        assertThat(doc.cues()).extracting(Cue::text).containsExactly("late text");
        assertThat(codes(doc)).containsExactly(ParseCode.SRT_BLANK_LINE_IN_CUE);
    }

    @Test
    void missingBlankLineBetweenCuesIsTolerated() {
        SubtitleDocument doc = parser.parse("1\n00:00:01,000 --> 00:00:02,000\nHi\n2\n00:00:03,000 --> 00:00:04,000\nYo\n\n");
        assertThat(doc.cues()).extracting(Cue::identifier, Cue::text).containsExactly(tuple("1", "Hi"), tuple("2", "Yo"));
        assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::lineNumber)
                .containsExactly(tuple(ParseCode.SRT_MISSING_BLANK_LINE, 4));
    }

    @Test
    void textLineDirectlyAboveTimingWithoutIndexBelongsToPreviousCue() {
        SubtitleDocument doc = parser.parse("00:00:01,000 --> 00:00:02,000\nHi\n00:00:03,000 --> 00:00:04,000\nYo\n\n");
        assertThat(doc.cues()).extracting(Cue::text).containsExactly("Hi", "Yo");
    }

    @Test
    void numericTextLineFollowedByBlankLineStaysText() {
        SubtitleDocument doc = parser.parse("1\n00:00:01,000 --> 00:00:02,000\nHow many?\n2\n\n2\n00:00:03,000 --> 00:00:04,000\nOK\n\n");
        assertThat(doc.cues()).extracting(Cue::text).containsExactly("How many?\n2", "OK");
        assertThat(doc.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00:00:01,000 --> 00:00:0x,000",
            "00:00:01,000 --> ",
            "00:60:01,000 --> 00:61:00,000",
            "00:00:01,00 --> 00:00:02,00",
            "00:00:01,000 -> 00:00:02,000",
    })
    void invalidTimingDropsTheCueAndItsText(String timing) {
        SubtitleDocument doc = parser.parse("1\n" + timing + "\nLost text\n\n2\n00:00:03,000 --> 00:00:04,000\nKept\n\n");
        assertThat(doc.cues()).extracting(Cue::number, Cue::text).containsExactly(tuple(1, "Kept"));
        assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::severity, ParseFinding::lineNumber)
                .containsExactly(tuple(ParseCode.SRT_TIMING_INVALID, Severity.ERROR, 2));
    }

    @Test
    void endBeforeStartDropsTheCue() {
        SubtitleDocument doc = parser.parse("1\n00:00:05,000 --> 00:00:04,000\nx\n\n");
        assertThat(doc.cues()).isEmpty();
        assertThat(codes(doc)).containsExactly(ParseCode.SRT_END_NOT_AFTER_START);
    }

    @Test
    void trailingCoordinatesAreIgnored() {
        SubtitleDocument doc = parser.parse("1\n00:00:01,000 --> 00:00:02,000 X1:100 X2:600 Y1:50 Y2:80\nx\n\n");
        assertThat(doc.cues()).extracting(Cue::endMs).containsExactly(2000L);
        assertThat(codes(doc)).containsExactly(ParseCode.SRT_TIMING_TRAILING_TEXT);
    }

    @Test
    void textBeforeFirstCueIsReported() {
        SubtitleDocument doc = parser.parse("Subtitles by ACME\n\n1\n00:00:01,000 --> 00:00:02,000\nx\n\n");
        assertThat(doc.cues()).hasSize(1);
        assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::lineNumber)
                .containsExactly(tuple(ParseCode.SRT_TEXT_OUTSIDE_CUE, 1));
    }

    @Test
    void outOfOrderCuesAreKeptAndReported() {
        SubtitleDocument doc = parser.parse("1\n00:00:05,000 --> 00:00:06,000\na\n\n2\n00:00:01,000 --> 00:00:02,000\nb\n\n");
        assertThat(doc.cues()).hasSize(2);
        assertThat(codes(doc)).containsExactly(ParseCode.SRT_CUE_OUT_OF_ORDER);
    }

    @Test
    void byteOrderMarkAndEmptyInput() {
        assertThat(parser.parse("\uFEFF" + STANDARD).cues()).hasSize(2);
        assertThat(parser.parse("").cues()).isEmpty();
        assertThat(parser.parse("\n\n\n").findings()).isEmpty();
    }

    @Test
    void largeHourValues() {
        SubtitleDocument doc = parser.parse("1\n123:00:00,000 --> 123:00:01,000\nx\n\n");
        assertThat(doc.cues()).extracting(Cue::startMs).containsExactly(123L * 3_600_000);
    }
}
