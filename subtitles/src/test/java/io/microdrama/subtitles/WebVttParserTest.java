package io.microdrama.subtitles;

import io.microdrama.subtitles.CueSettings.LineAlign;
import io.microdrama.subtitles.CueSettings.PositionAlign;
import io.microdrama.subtitles.CueSettings.TextAlign;
import io.microdrama.subtitles.CueSettings.Vertical;
import io.microdrama.subtitles.SubtitleRejectedException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class WebVttParserTest {

    private final WebVttParser parser = new WebVttParser();

    private SubtitleDocument parse(String text) {
        return parser.parse(text);
    }

    private static List<ParseCode> codes(SubtitleDocument doc) {
        return doc.findings().stream().map(ParseFinding::code).toList();
    }

    private static final String ONE_CUE = "\n\n00:01.000 --> 00:02.000\nHello\n";

    @Nested
    class Header {

        @ParameterizedTest
        @ValueSource(strings = {"WEBVTT", "WEBVTT - This file has cues", "WEBVTT\tTabbed header text", "WEBVTT "})
        void acceptsSignatureVariants(String header) {
            SubtitleDocument doc = parse(header + ONE_CUE);
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("Hello");
            assertThat(doc.findings()).isEmpty();
        }

        @Test
        void acceptsLeadingByteOrderMark() {
            assertThat(parse("\uFEFFWEBVTT" + ONE_CUE).cues()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"WEBVTTX", "WEBVTT-", "WEBVTT:", "webvtt", "WEBVT", "", "X\nWEBVTT"})
        void rejectsWrongSignature(String header) {
            assertThatThrownBy(() -> parse(header + ONE_CUE))
                    .isInstanceOf(SubtitleRejectedException.class)
                    .extracting(e -> ((SubtitleRejectedException) e).reason()).isEqualTo(Reason.NOT_WEBVTT);
        }

        @Test
        void rejectsFileWithoutHeader() {
            assertThatThrownBy(() -> parse("00:01.000 --> 00:02.000\nHello\n"))
                    .isInstanceOf(SubtitleRejectedException.class)
                    .hasMessageContaining("WEBVTT");
        }

        @ParameterizedTest
        @ValueSource(strings = {"WEBVTT", "WEBVTT\n", "WEBVTT\n\n", "WEBVTT\n\n\n\n", "WEBVTT - empty\n\nNOTE nothing\n"})
        void emptyFileAfterHeaderHasNoCuesAndNoFindings(String text) {
            SubtitleDocument doc = parse(text);
            assertThat(doc.cues()).isEmpty();
            assertThat(doc.findings()).isEmpty();
            assertThat(doc.format()).isEqualTo(SubtitleFormat.WEBVTT);
        }

        @Test
        void headerMetadataLinesAreIgnored() {
            SubtitleDocument doc = parse("WEBVTT\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nHi\n");
            assertThat(doc.cues()).hasSize(1);
            assertThat(doc.findings()).isEmpty();
        }

        @Test
        void cueRightAfterHeaderWithoutBlankLineIsKeptAndReported() {
            SubtitleDocument doc = parse("WEBVTT\n00:01.000 --> 00:02.000\nHi\n");
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("Hi");
            assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::lineNumber)
                    .containsExactly(tuple(ParseCode.VTT_HEADER_NOT_TERMINATED, 2));
        }
    }

    @Nested
    class Timestamps {

        @ParameterizedTest
        @CsvSource({
                "00:01.000, 1000",
                "59:59.999, 3599999",
                "00:00:01.000, 1000",
                "01:02:03.004, 3723004",
                "100:00:00.000, 360000000",
        })
        void parsesWithAndWithoutHours(String start, long expectedMs) {
            SubtitleDocument doc = parse("WEBVTT\n\n" + start + " --> 999:00:00.000\nx\n");
            assertThat(doc.cues()).extracting(Cue::startMs).containsExactly(expectedMs);
            assertThat(doc.findings()).isEmpty();
        }

        @Test
        void singleDigitHoursAreAcceptedWithWarning() {
            SubtitleDocument doc = parse("WEBVTT\n\n1:02:03.004 --> 1:02:04.000\nx\n");
            assertThat(doc.cues()).extracting(Cue::startMs).containsExactly(3723004L);
            assertThat(codes(doc)).containsExactly(ParseCode.VTT_HOURS_SINGLE_DIGIT);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "00:60:00.000", // minutes 60
                "00:00:60.000", // seconds 60
                "60:00.000",    // 60 can only be hours, then seconds are missing
                "00:01.00",     // two fraction digits
                "00:01.0000",   // four fraction digits
                "0:01.000",     // one-digit first field means hours
                "00:1.000",     // one-digit seconds
                "00:01",        // no fraction
                "a0:01.000",
                "00:01:000",
        })
        void invalidStartTimestampSkipsTheCue(String start) {
            SubtitleDocument doc = parse("WEBVTT\n\n" + start + " --> 02:00:00.000\nlost\n\n00:05.000 --> 00:06.000\nkept\n");
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("kept");
            assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::lineNumber, ParseFinding::severity)
                    .containsExactly(tuple(ParseCode.VTT_TIMING_INVALID, 3, Severity.ERROR));
        }

        @Test
        void commaSeparatorSkipsTheCueLikeABrowser() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nsrt habit\n\n00:03.000 --> 00:04.000\nok\n");
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("ok");
            assertThat(doc.findings()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(ParseCode.VTT_TIMESTAMP_COMMA);
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.lineNumber()).isEqualTo(3);
                assertThat(f.message()).contains("','").contains("'.'");
            });
        }

        @Test
        void commaInEndTimeAlsoSkips() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:01.000 --> 00:00:02,000\nx\n");
            assertThat(doc.cues()).isEmpty();
            assertThat(codes(doc)).containsExactly(ParseCode.VTT_TIMESTAMP_COMMA);
        }

        @ParameterizedTest
        @ValueSource(strings = {"00:01.000-->00:02.000", "00:01.000 -->00:02.000", "00:01.000--> 00:02.000"})
        void missingWhitespaceAroundArrowIsAcceptedWithWarning(String timing) {
            SubtitleDocument doc = parse("WEBVTT\n\n" + timing + "\nx\n");
            assertThat(doc.cues()).extracting(Cue::startMs, Cue::endMs).containsExactly(tuple(1000L, 2000L));
            assertThat(codes(doc)).containsExactly(ParseCode.VTT_ARROW_WHITESPACE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"00:01.000 \t --> \t 00:02.000", "  00:01.000 --> 00:02.000  ", "00:01.000\t-->\t00:02.000"})
        void tabsAndExtraSpacesAreFine(String timing) {
            SubtitleDocument doc = parse("WEBVTT\n\n" + timing + "\nx\n");
            assertThat(doc.cues()).extracting(Cue::startMs, Cue::endMs).containsExactly(tuple(1000L, 2000L));
            assertThat(doc.findings()).isEmpty();
        }

        @Test
        void singleArrowIsNotATimingLine() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:01.000 -> 00:02.000\nx\n");
            assertThat(doc.cues()).isEmpty();
            assertThat(codes(doc)).containsExactly(ParseCode.VTT_BLOCK_IGNORED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"00:02.000 --> 00:01.000", "00:02.000 --> 00:02.000"})
        void endNotAfterStartDropsTheCue(String timing) {
            SubtitleDocument doc = parse("WEBVTT\n\n" + timing + "\nx\n\n00:03.000 --> 00:04.000\ny\n");
            assertThat(doc.cues()).extracting(Cue::number, Cue::text).containsExactly(tuple(1, "y"));
            assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::severity, ParseFinding::cueNumber)
                    .containsExactly(tuple(ParseCode.VTT_END_NOT_AFTER_START, Severity.ERROR, null));
        }

        @Test
        void cueStartingBeforeThePreviousIsKeptWithWarning() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:05.000 --> 00:06.000\na\n\n00:01.000 --> 00:02.000\nb\n");
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("a", "b");
            assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::cueNumber)
                    .containsExactly(tuple(ParseCode.VTT_CUE_OUT_OF_ORDER, 2));
        }
    }

    @Nested
    class Identifiers {

        @Test
        void cueIdentifierLineIsKept() {
            SubtitleDocument doc = parse("WEBVTT\n\nintro - scene 1\n00:01.000 --> 00:02.000\nHi\n\n7\n00:03.000 --> 00:04.000\nYo\n");
            assertThat(doc.cues()).extracting(Cue::identifier, Cue::number, Cue::sourceLine)
                    .containsExactly(tuple("intro - scene 1", 1, 4), tuple("7", 2, 8));
        }

        @Test
        void cueWithoutIdentifierHasNull() {
            assertThat(parse("WEBVTT" + ONE_CUE).cues().get(0).identifier()).isNull();
        }

        @Test
        void duplicateIdentifiersAreReported() {
            SubtitleDocument doc = parse("WEBVTT\n\na\n00:01.000 --> 00:02.000\nx\n\na\n00:03.000 --> 00:04.000\ny\n");
            assertThat(doc.cues()).hasSize(2);
            assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::cueNumber, ParseFinding::lineNumber)
                    .containsExactly(tuple(ParseCode.VTT_DUPLICATE_CUE_ID, 2, 7));
        }

        @Test
        void threeLinesBeforeTimingAreNotAnIdentifier() {
            // Only the line right before the timing line can be an identifier; the block ends at the arrow line.
            SubtitleDocument doc = parse("WEBVTT\n\nfirst\nsecond\n00:01.000 --> 00:02.000\nx\n");
            assertThat(doc.cues()).extracting(Cue::identifier, Cue::text).containsExactly(tuple(null, "x"));
            assertThat(codes(doc)).containsExactly(ParseCode.VTT_BLOCK_IGNORED);
        }
    }

    @Nested
    class Settings {

        private CueSettings settingsOf(String settings) {
            return parse("WEBVTT\n\n00:01.000 --> 00:02.000 " + settings + "\nx\n").cues().get(0).settings();
        }

        private List<ParseCode> codesOf(String settings) {
            return codes(parse("WEBVTT\n\n00:01.000 --> 00:02.000 " + settings + "\nx\n"));
        }

        @Test
        void parsesAllValidSettings() {
            CueSettings s = settingsOf("vertical:rl line:-1,end position:25.5%,line-left size:50% align:end");
            assertThat(s.vertical()).isEqualTo(Vertical.RL);
            assertThat(s.line()).isEqualTo(-1.0);
            assertThat(s.linePercentage()).isFalse();
            assertThat(s.lineAlign()).isEqualTo(LineAlign.END);
            assertThat(s.position()).isEqualTo(25.5);
            assertThat(s.positionAlign()).isEqualTo(PositionAlign.LINE_LEFT);
            assertThat(s.size()).isEqualTo(50.0);
            assertThat(s.align()).isEqualTo(TextAlign.END);
        }

        @Test
        void percentageLineAndCentreAlignments() {
            CueSettings s = settingsOf("line:90%,center position:50%,center align:left");
            assertThat(s.line()).isEqualTo(90.0);
            assertThat(s.linePercentage()).isTrue();
            assertThat(s.lineAlign()).isEqualTo(LineAlign.CENTER);
            assertThat(s.positionAlign()).isEqualTo(PositionAlign.CENTER);
            assertThat(s.align()).isEqualTo(TextAlign.LEFT);
        }

        @Test
        void noSettingsGiveNone() {
            assertThat(settingsOf("")).isEqualTo(CueSettings.NONE);
            assertThat(CueSettings.NONE.render()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"vertical:up", "line:abc", "line:1.5.3", "line:.5", "line:5.", "line:1-2", "line:5%,middle",
                "line:101%", "position:101%", "position:50", "position:50%,left", "size:-5%", "size:50", "size:%",
                "align:justify", "noColon", ":value", "name:"})
        void invalidSettingIsIgnored(String invalid) {
            assertThat(settingsOf(invalid)).isEqualTo(CueSettings.NONE);
            assertThat(codesOf(invalid)).containsExactly(ParseCode.VTT_SETTING_INVALID);
        }

        @Test
        void invalidSettingsDoNotAffectValidOnes() {
            String settings = "align:start vertical:up size:40% line:abc";
            CueSettings s = settingsOf(settings);
            assertThat(s.align()).isEqualTo(TextAlign.START);
            assertThat(s.size()).isEqualTo(40.0);
            assertThat(s.vertical()).isNull();
            assertThat(s.line()).isNull();
            assertThat(codesOf(settings)).containsExactly(ParseCode.VTT_SETTING_INVALID, ParseCode.VTT_SETTING_INVALID);
        }

        @Test
        void invalidLineKeepsLineAuto() {
            assertThat(settingsOf("line:5%,middle").line()).isNull();
        }

        @Test
        void unknownSettingIsReported() {
            assertThat(codesOf("color:red")).containsExactly(ParseCode.VTT_SETTING_UNKNOWN);
        }

        @Test
        void duplicateSettingLastValidWins() {
            assertThat(settingsOf("align:start align:end").align()).isEqualTo(TextAlign.END);
            assertThat(codesOf("align:start align:end")).containsExactly(ParseCode.VTT_SETTING_DUPLICATE);
            assertThat(settingsOf("size:50% size:bad").size()).isEqualTo(50.0);
            assertThat(codesOf("size:50% size:bad"))
                    .containsExactly(ParseCode.VTT_SETTING_DUPLICATE, ParseCode.VTT_SETTING_INVALID);
        }

        @Test
        void regionMustBeDefinedBeforeTheFirstCue() {
            String text = "WEBVTT\n\nREGION\nid:bottom width:80% lines:2\n\n"
                    + "00:01.000 --> 00:02.000 region:bottom\nin region\n\n"
                    + "00:03.000 --> 00:04.000 region:top\nunknown\n\n"
                    + "00:05.000 --> 00:06.000 region:bottom line:0\nleaves region\n";
            SubtitleDocument doc = parse(text);
            assertThat(doc.regions()).extracting(WebVttRegion::id).containsExactly("bottom");
            assertThat(doc.cues()).extracting(c -> c.settings().region()).containsExactly("bottom", null, null);
            assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::cueNumber).containsExactly(
                    tuple(ParseCode.VTT_REGION_UNKNOWN, 2), tuple(ParseCode.VTT_REGION_IGNORED, 3));
        }

        @Test
        void renderedSettingsParseBackToTheSameSettings() {
            CueSettings s = settingsOf("vertical:lr line:12.5%,start position:10%,line-right size:80% align:right");
            assertThat(s.render()).isEqualTo("vertical:lr line:12.5%,start position:10%,line-right size:80% align:right");
            assertThat(settingsOf(s.render())).isEqualTo(s);
        }

        @Test
        void settingsMayBeSeparatedByTabs() {
            assertThat(settingsOf("align:start\tsize:20%").size()).isEqualTo(20.0);
        }
    }

    @Nested
    class Blocks {

        @Test
        void noteBlocksAnywhereAreSkippedSilently() {
            String text = "WEBVTT\n\nNOTE before\nthe first cue\n\n00:01.000 --> 00:02.000\na\n\nNOTE\nbetween\n\n"
                    + "00:03.000 --> 00:04.000\nb\n\nNOTE\tat the end\n";
            SubtitleDocument doc = parse(text);
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("a", "b");
            assertThat(doc.findings()).isEmpty();
        }

        @Test
        void noteWithArrowOnSecondLineBecomesACueAsInTheAlgorithm() {
            SubtitleDocument doc = parse("WEBVTT\n\nNOTE oops\n00:01.000 --> 00:02.000\nx\n");
            assertThat(doc.cues()).extracting(Cue::identifier).containsExactly("NOTE oops");
            assertThat(codes(doc)).containsExactly(ParseCode.VTT_NOTE_PARSED_AS_CUE);
        }

        @Test
        void styleAndRegionBeforeFirstCueAreKept() {
            String text = "WEBVTT\n\nSTYLE\n::cue {\n  color: yellow;\n}\n\nNOTE comment between header blocks\n\n"
                    + "REGION\nid:r1\nwidth:40%\n\n00:01.000 --> 00:02.000\nx\n";
            SubtitleDocument doc = parse(text);
            assertThat(doc.styleSheets()).containsExactly("::cue {\n  color: yellow;\n}");
            assertThat(doc.regions()).containsExactly(new WebVttRegion("r1", "id:r1\nwidth:40%"));
            assertThat(doc.cues()).hasSize(1);
            assertThat(doc.findings()).isEmpty();
        }

        @Test
        void styleAndRegionAfterFirstCueAreIgnored() {
            String text = "WEBVTT\n\n00:01.000 --> 00:02.000\nx\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:late\n\n"
                    + "00:03.000 --> 00:04.000 region:late\ny\n";
            SubtitleDocument doc = parse(text);
            assertThat(doc.styleSheets()).isEmpty();
            assertThat(doc.regions()).isEmpty();
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("x", "y");
            assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::lineNumber).containsExactly(
                    tuple(ParseCode.VTT_STYLE_AFTER_CUE, 6), tuple(ParseCode.VTT_REGION_AFTER_CUE, 9),
                    tuple(ParseCode.VTT_REGION_UNKNOWN, 12));
        }

        @Test
        void styleKeywordWithTrailingSpacesCounts() {
            SubtitleDocument doc = parse("WEBVTT\n\nSTYLE  \n::cue { color: red }\n\n00:01.000 --> 00:02.000\nx\n");
            assertThat(doc.styleSheets()).hasSize(1);
        }

        @Test
        void textBlockWithoutTimingIsReported() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n\nstray line\nanother\n\n00:03.000 --> 00:04.000\ny\n");
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("x", "y");
            assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::lineNumber, ParseFinding::severity)
                    .containsExactly(tuple(ParseCode.VTT_BLOCK_IGNORED, 6, Severity.WARNING));
        }
    }

    @Nested
    class LineEndingsAndText {

        private static final String LF = "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nline one\nline two\n\n00:03.000 --> 00:04.000\nthree\n";

        @Test
        void crlfAndCrGiveTheSameDocumentAsLf() {
            SubtitleDocument lf = parse(LF);
            assertThat(parse(LF.replace("\n", "\r\n"))).isEqualTo(lf);
            assertThat(parse(LF.replace("\n", "\r"))).isEqualTo(lf);
            assertThat(lf.cues()).extracting(Cue::text).containsExactly("line one\nline two", "three");
            assertThat(lf.cues()).extracting(Cue::sourceLine).containsExactly(4, 8);
        }

        @Test
        void missingFinalNewlineKeepsTheLastCue() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:01.000 --> 00:02.000\nlast words");
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("last words");
            assertThat(doc.findings()).isEmpty();
        }

        @Test
        void timingLineAtEndOfFileGivesEmptyCue() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:01.000 --> 00:02.000");
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("");
        }

        @Test
        void lineWithArrowInCueTextEndsTheCueAndStartsABadBlock() {
            String text = "WEBVTT\n\n00:01.000 --> 00:02.000\nHello\nShe said --> go\nmore\n\n00:03.000 --> 00:04.000\nNext\n";
            SubtitleDocument doc = parse(text);
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("Hello", "Next");
            assertThat(doc.findings()).extracting(ParseFinding::code, ParseFinding::lineNumber, ParseFinding::cueNumber)
                    .containsExactly(tuple(ParseCode.VTT_CUE_TEXT_CONTAINS_ARROW, 5, 1),
                            tuple(ParseCode.VTT_TIMING_INVALID, 5, null));
        }

        @Test
        void cuesWithoutBlankLineBetweenAreSplitAtTheTimingLine() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n00:03.000 --> 00:04.000\nWorld\n");
            assertThat(doc.cues()).extracting(Cue::text, Cue::startMs)
                    .containsExactly(tuple("Hello", 1000L), tuple("World", 3000L));
            assertThat(codes(doc)).containsExactly(ParseCode.VTT_CUE_TEXT_CONTAINS_ARROW);
        }

        @Test
        void twoTimingLinesInARowGiveAnEmptyCueThenTheNextCue() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:01.000 --> 00:02.000\n00:03.000 --> 00:04.000\nX\n");
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("", "X");
        }

        @Test
        void identifierThenTwoTimingLines() {
            SubtitleDocument doc = parse("WEBVTT\n\nid\n00:01.000 --> 00:02.000\n00:03.000 --> 00:04.000\nX\n");
            assertThat(doc.cues()).extracting(Cue::identifier, Cue::text)
                    .containsExactly(tuple("id", ""), tuple(null, "X"));
        }

        @Test
        void markupIsKeptVerbatim() {
            String payload = "<v Mary><i>Run</i> &amp; hide</v>\n<c.yellow>now</c> <00:01.500>!";
            SubtitleDocument doc = parse("WEBVTT\n\n00:01.000 --> 00:02.000\n" + payload + "\n");
            assertThat(doc.cues().get(0).text()).isEqualTo(payload);
        }

        @Test
        void whitespaceOnlyLineDoesNotEndTheCue() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:01.000 --> 00:02.000\na\n   \nb\n");
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("a\n   \nb");
        }

        @Test
        void nulCharacterBecomesReplacementCharacter() {
            SubtitleDocument doc = parse("WEBVTT\n\n00:01.000 --> 00:02.000\na\0b\n");
            assertThat(doc.cues()).extracting(Cue::text).containsExactly("a\uFFFDb");
        }

        @Test
        void findingsAreInSourceOrder() {
            String text = "WEBVTT\n\n00:01.000 --> 00:02.000 bogus\nx\ny --> z\n\n00:03,000 --> 00:04.000\nq\n";
            SubtitleDocument doc = parse(text);
            assertThat(doc.findings()).extracting(ParseFinding::lineNumber).isSorted();
        }
    }
}
