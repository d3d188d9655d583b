package io.microdrama.subtitles;

import io.microdrama.subtitles.SubtitleRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class SubtitleIngestTest {

    private final SubtitleIngest ingest = SubtitleIngest.withDefaults();

    static byte[] fixture(String name) {
        try (InputStream in = SubtitleIngestTest.class.getResourceAsStream("/subtitles/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reason rejection(String text) {
        return catchThrowableOfType(SubtitleRejectedException.class,
                () -> ingest.ingest(text.getBytes(StandardCharsets.UTF_8), QcContext.verticalEpisode("en", 60_000)))
                .reason();
    }

    @Test
    void englishSrtWithBomAndCrlfPasses() {
        IngestResult result = ingest.ingest(fixture("episode-01.en.srt"), QcContext.verticalEpisode("en", 12_000));
        assertThat(result.document().format()).isEqualTo(SubtitleFormat.SRT);
        assertThat(result.document().cues()).hasSize(5);
        assertThat(result.document().cues().get(1).text()).isEqualTo("You signed the contract\nwithout reading it?");
        assertThat(result.report().verdict()).isEqualTo(QcVerdict.ACCEPTED);
        assertThat(result.report().findings()).isEmpty();
        assertThat(result.report().parseFindings()).isEmpty();
    }

    @Test
    void spanishSrtWithToleratedQuirksIsAcceptedWithWarnings() {
        IngestResult result = ingest.ingest(fixture("episode-01.es.srt"), QcContext.verticalEpisode("es-419", 12_000));
        SubtitleDocument doc = result.document();
        assertThat(doc.cues()).extracting(Cue::identifier, Cue::startMs, Cue::text).containsExactly(
                tuple("1", 500L, "<i>Anteriormente...</i>"),
                tuple("2", 2500L, "¿Firmaste el contrato\nsin leerlo?"),
                tuple(null, 4900L, "No tenía opción.\nmamá estaba en el hospital."),
                tuple("4", 7300L, "[suena el teléfono]"));
        assertThat(doc.findings()).extracting(ParseFinding::code).containsExactlyInAnyOrder(
                ParseCode.SRT_DOT_DECIMAL, ParseCode.SRT_MISSING_INDEX, ParseCode.SRT_BLANK_LINE_IN_CUE,
                ParseCode.SRT_HOURS_DIGITS, ParseCode.SRT_INDEX_OUT_OF_SEQUENCE, ParseCode.SRT_MISSING_FINAL_BLANK_LINE);
        QcReport report = result.report();
        assertThat(report.profileLanguage()).isEqualTo("es");
        assertThat(report.findings()).extracting(QcFinding::code, QcFinding::severity, QcFinding::cueNumber)
                .containsExactly(tuple(QcCode.READING_SPEED_TOO_HIGH, Severity.WARNING, 3));
        assertThat(report.verdict()).isEqualTo(QcVerdict.ACCEPTED);
        assertThat(report.warningCount()).isEqualTo(5);
    }

    @Test
    void arabicWebVttWithBidiIsolatesPasses() {
        IngestResult result = ingest.ingest(fixture("episode-01.ar.vtt"), QcContext.verticalEpisode("ar", 12_000));
        assertThat(result.document().format()).isEqualTo(SubtitleFormat.WEBVTT);
        assertThat(result.document().cues()).hasSize(5);
        assertThat(result.document().styleSheets()).hasSize(1);
        assertThat(result.report().findings()).isEmpty();
        assertThat(result.report().verdict()).isEqualTo(QcVerdict.ACCEPTED);
    }

    @Test
    void japaneseWebVttWithCrLineEndingsAndRubyPasses() {
        IngestResult result = ingest.ingest(fixture("episode-01.ja.vtt"), QcContext.verticalEpisode("ja", 13_000));
        assertThat(result.document().cues()).hasSize(4);
        assertThat(result.document().cues().get(1).settings().render()).isEqualTo("line:80% align:center");
        assertThat(result.report().findings()).isEmpty();
        assertThat(result.report().verdict()).isEqualTo(QcVerdict.ACCEPTED);
    }

    @Test
    void wrongLanguageIsCaughtForRtlProfiles() {
        IngestResult result = ingest.ingest(fixture("episode-01.en.srt"), QcContext.verticalEpisode("he", 12_000));
        assertThat(result.report().findings()).extracting(QcFinding::code).contains(QcCode.NO_RTL_TEXT);
        assertThat(result.report().verdict()).isEqualTo(QcVerdict.QC_FAILED);
    }

    @Test
    void rejectsWhatIsNotASubtitleFile() {
        assertThat(rejection("WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n")).isEqualTo(Reason.NOT_WEBVTT);
        assertThat(rejection("Dear partner, please find attached...")).isEqualTo(Reason.UNRECOGNIZED_FORMAT);
        assertThat(rejection("   \n\n")).isEqualTo(Reason.UNRECOGNIZED_FORMAT);
        assertThat(catchThrowableOfType(SubtitleRejectedException.class, () -> ingest.ingest(
                "1\n00:00:01,000 --> 00:00:02,000\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                QcContext.verticalEpisode("fr", 60_000))).reason()).isEqualTo(Reason.INVALID_UTF8);
    }

    @Test
    void headerlessWebVttWithHoursIsReadAsSrtWithWarnings() {
        SubtitleDocument doc = ingest.parseText("00:00:01.000 --> 00:00:02.000\nx\n\n");
        assertThat(doc.format()).isEqualTo(SubtitleFormat.SRT);
        assertThat(doc.cues()).hasSize(1);
        assertThat(doc.findings()).extracting(ParseFinding::code)
                .contains(ParseCode.SRT_DOT_DECIMAL, ParseCode.SRT_MISSING_INDEX);
    }

    @Test
    void srtWhoseOnlyCueIsBrokenIsParsedAndFailsQc() {
        IngestResult result = ingest.ingest("1\n00:00:01,000 --> 00:00:0x,000\nx\n".getBytes(StandardCharsets.UTF_8),
                QcContext.verticalEpisode("en", 60_000));
        assertThat(result.document().cues()).isEmpty();
        assertThat(result.report().findings()).extracting(QcFinding::code).containsExactly(QcCode.TRACK_EMPTY);
        assertThat(result.report().errorCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEBVTT", "\uFEFFWEBVTT", "WEBVTTX", "WEBVTT\t"})
    void detectsWebVttBySignaturePrefix(String start) {
        assertThat(SubtitleIngest.detect(start + "\n")).isEqualTo(SubtitleFormat.WEBVTT);
        assertThat(SubtitleIngest.detect("1\n" + start)).isEqualTo(SubtitleFormat.SRT);
    }

    @Test
    void convertsBetweenFormats() {
        SubtitleDocument srt = ingest.parse(fixture("episode-01.en.srt"));
        SubtitleOutput vtt = new WebVttWriter().write(srt);
        assertThat(vtt.text()).startsWith("WEBVTT\n\n00:00:00.500 --> 00:00:02.400\n<i>Previously...</i>\n\n");
        assertThat(vtt.text()).contains("<c.yellow>[phone ringing]</c>");
        SubtitleDocument back = ingest.parse(vtt.utf8());
        assertThat(back.cues()).extracting(Cue::startMs, Cue::endMs)
                .isEqualTo(srt.cues().stream().map(c -> tuple(c.startMs(), c.endMs())).toList());
    }
}
