package io.microdrama.subtitles;

import io.microdrama.subtitles.SubtitleRejectedException.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bad uploads end in a clear rejection (a {@link SubtitleRejectedException}: the service answers 4xx) or in parse/QC
 * findings, never in another exception (a 500). Every accepted document must also survive both writers and read back.
 */
class BadInputTest {

    private final SubtitleIngest ingest = SubtitleIngest.withDefaults();
    private static final QcContext EN = QcContext.verticalEpisode("en", 60_000);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private SubtitleRejectedException rejection(byte[] body) {
        SubtitleRejectedException e = catchThrowableOfType(SubtitleRejectedException.class, () -> ingest.ingest(body, EN));
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(400);
        return e;
    }

    /** Ingest, QC and both writers; the written files read back without parse errors. */
    private QcReport accepted(byte[] body) {
        IngestResult result = ingest.ingest(body, EN);
        for (SubtitleOutput output : new SubtitleOutput[] {new WebVttWriter().write(result.document()),
                new SrtWriter().write(result.document())}) {
            SubtitleDocument back = ingest.parse(output.utf8());
            assertThat(back.cues()).hasSameSizeAs(result.document().cues());
            assertThat(back.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        }
        return result.report();
    }

    @Test
    void nulBytesAnywhereAreRefusedAsBinaryWithTheirOffset() {
        String vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nhello\n";
        for (int at : new int[] {0, 3, 10, vtt.length()}) {
            byte[] body = new byte[vtt.length() + 1];
            byte[] text = utf8(vtt);
            System.arraycopy(text, 0, body, 0, at);
            System.arraycopy(text, at, body, at + 1, text.length - at);
            SubtitleRejectedException e = rejection(body);
            assertThat(e.reason()).isEqualTo(Reason.BINARY);
            assertThat(e.getMessage()).contains("offset " + at);
        }
        // Text handed to the parsers directly follows the WebVTT algorithm: NUL becomes U+FFFD.
        assertThat(new WebVttParser().parse("WEBVTT\n\n00:01.000 --> 00:02.000\na\0b\n").cues())
                .extracting(Cue::text).containsExactly("a\uFFFDb");
    }

    @Test
    void invalidUtf8IsRefusedWithTheOffsetOfTheFirstBadByte() {
        byte[][] bodies = {
                {'1', '\n', (byte) 0x80},                           // lone continuation byte
                {'1', '\n', (byte) 0xE3, (byte) 0x81},              // truncated at the end
                {'1', '\n', (byte) 0xC0, (byte) 0x80},              // overlong NUL
                {'1', '\n', (byte) 0xED, (byte) 0xB0, (byte) 0x80}, // encoded surrogate
                {'1', '\n', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                {'1', '\n', (byte) 0xFF},
        };
        for (byte[] body : bodies) {
            SubtitleRejectedException e = rejection(body);
            assertThat(e.reason()).isEqualTo(Reason.INVALID_UTF8);
            assertThat(e.getMessage()).contains("offset 2");
        }
    }

    @Test
    void utf16AndUtf32AreRefusedWithOrWithoutByteOrderMark() {
        String vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nhello\n";
        assertThat(rejection(("\uFEFF" + vtt).getBytes(StandardCharsets.UTF_16LE)).reason()).isEqualTo(Reason.UNSUPPORTED_ENCODING);
        assertThat(rejection(("\uFEFF" + vtt).getBytes(StandardCharsets.UTF_16BE)).reason()).isEqualTo(Reason.UNSUPPORTED_ENCODING);
        assertThat(rejection(("\uFEFF" + vtt).getBytes(Charset.forName("UTF-32LE"))).getMessage()).contains("UTF-32");
        assertThat(rejection(("\uFEFF" + vtt).getBytes(Charset.forName("UTF-32BE"))).getMessage()).contains("UTF-32");
        assertThat(rejection(vtt.getBytes(StandardCharsets.UTF_16LE)).reason()).as("no BOM: NUL bytes").isEqualTo(Reason.BINARY);
    }

    @Test
    void byteOrderMarkVariations() {
        String vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nhello\n";
        assertThat(accepted(utf8("\uFEFF" + vtt)).verdict()).isEqualTo(QcVerdict.ACCEPTED);
        SubtitleRejectedException twice = rejection(utf8("\uFEFF\uFEFF" + vtt));
        assertThat(twice.reason()).isEqualTo(Reason.NOT_WEBVTT);
        assertThat(twice.getMessage()).contains("byte order mark");
        assertThat(rejection(utf8("\uFEFF")).reason()).isEqualTo(Reason.UNRECOGNIZED_FORMAT);
        // A U+FEFF inside the text is an invisible character, not a byte order mark.
        QcReport inside = accepted(utf8("WEBVTT\n\n00:01.000 --> 00:02.000\nhel\uFEFFlo\n"));
        assertThat(inside.verdict()).isEqualTo(QcVerdict.ACCEPTED);
        // SRT has no signature rule and its parser tolerates one leading U+FEFF of its own: accepted.
        QcReport srt = accepted(utf8("\uFEFF\uFEFF1\n00:00:01,000 --> 00:00:02,000\nhello\n\n"));
        assertThat(srt.verdict()).isEqualTo(QcVerdict.ACCEPTED);
    }

    @Test
    void absurdTimestampsAreParseFindings() {
        String tenDigitHours = "9999999999:00:00.000 --> 9999999999:00:01.000";
        QcReport vtt = accepted(utf8("WEBVTT\n\n" + tenDigitHours + "\nx\n\n00:01.000 --> 00:02.000\nok\n"));
        assertThat(vtt.parseFindings()).extracting(ParseFinding::code).containsExactly(ParseCode.VTT_TIMING_INVALID);
        assertThat(vtt.verdict()).isEqualTo(QcVerdict.QC_FAILED);
        QcReport srt = accepted(utf8("1\n" + tenDigitHours.replace('.', ',') + "\nx\n\n2\n00:00:01,000 --> 00:00:02,000\nok\n\n"));
        assertThat(srt.parseFindings()).extracting(ParseFinding::code).containsExactly(ParseCode.SRT_TIMING_INVALID);
        assertThat(srt.parseFindings().get(0).message()).hasSizeLessThan(200);

        for (String bad : new String[] {"00:60.000", "00:00:60.000", "00:00.1000", "00:00.00", "-1:00.000", "00:00:00.000.000",
                "٠٠:٠١.٠٠٠"}) {
            QcReport report = accepted(utf8("WEBVTT\n\n" + bad + " --> 00:02.000\nx\n\n00:01.000 --> 00:02.000\nok\n"));
            assertThat(report.verdict()).as(bad).isEqualTo(QcVerdict.QC_FAILED);
        }
        String digits = "9".repeat(100_000);
        QcReport huge = accepted(utf8("WEBVTT\n\n" + digits + ":00.000 --> 00:01.000\nx\n\n00:01.000 --> 00:02.000\nok\n"));
        assertThat(huge.parseFindings().get(0).message()).hasSizeLessThan(200);
    }

    @Test
    void theLargestTimesFitAndRoundTrip() {
        String max = "999999999:59:59.999";
        QcReport vtt = accepted(utf8("WEBVTT\n\n00:00.000 --> " + max + "\nx\n\n" + max.replace("59.999", "59.000")
                + " --> " + max + "\ny\n"));
        assertThat(vtt.findings()).extracting(QcFinding::code)
                .contains(QcCode.DURATION_TOO_LONG, QcCode.CUE_AFTER_EPISODE_END, QcCode.CUE_OVERLAP);
        QcReport srt = accepted(utf8("1\n00:00:00,000 --> " + max.replace('.', ',') + "\nx\n\n"));
        assertThat(srt.findings()).extracting(QcFinding::code).contains(QcCode.DURATION_TOO_LONG);
    }

    @Test
    void hugeCueNumbersAndIdentifiers() {
        String srt = "99999999999999999999999999999\n00:00:01,000 --> 00:00:02,000\nx\n\n"
                + "999999999999999999\n00:00:03,000 --> 00:00:04,000\ny\n\n"
                + "-5\n00:00:05,000 --> 00:00:06,000\nz\n\n";
        QcReport report = accepted(utf8(srt));
        assertThat(report.verdict()).isEqualTo(QcVerdict.ACCEPTED);
        String id = "id".repeat(50_000);
        QcReport vtt = accepted(utf8("WEBVTT\n\n" + id + "\n00:01.000 --> 00:02.000\nx\n\n" + id + "\n00:03.000 --> 00:04.000\ny\n"));
        assertThat(vtt.parseFindings()).extracting(ParseFinding::code).containsExactly(ParseCode.VTT_DUPLICATE_CUE_ID);
    }

    @Test
    void settingsAndReferencesThatOverflow() {
        String huge = "9".repeat(400);
        QcReport report = accepted(utf8("WEBVTT\n\n00:01.000 --> 00:02.000 line:" + huge + " position:" + huge + "% size:"
                + huge + ".5% line:-" + huge + "." + huge + "\n&#99999999999999999999; &#x7FFFFFFF; &#xD800; &#0; x\n"));
        assertThat(report.parseFindings()).extracting(ParseFinding::code).contains(ParseCode.VTT_SETTING_INVALID);
        assertThat(report.parseFindings()).allMatch(f -> f.message().length() < 200);
    }
}
