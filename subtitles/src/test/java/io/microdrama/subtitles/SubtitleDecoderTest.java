package io.microdrama.subtitles;

import io.microdrama.subtitles.SubtitleRejectedException.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SubtitleDecoderTest {

    private final SubtitleDecoder decoder = new SubtitleDecoder(1000);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Reason rejection(byte[] body) {
        return catchThrowableOfType(SubtitleRejectedException.class, () -> decoder.decode(body)).reason();
    }

    @Test
    void decodesUtf8WithAndWithoutBom() {
        assertThat(decoder.decode(utf8("WEBVTT\n\nこんにちは"))).isEqualTo("WEBVTT\n\nこんにちは");
        byte[] withBom = utf8("\uFEFFWEBVTT\n");
        assertThat(withBom[0]).isEqualTo((byte) 0xEF);
        assertThat(decoder.decode(withBom)).isEqualTo("WEBVTT\n");
    }

    @Test
    void normalizesCrLfAndLoneCr() {
        assertThat(decoder.decode(utf8("a\r\nb\rc\n\r\nd\r"))).isEqualTo("a\nb\nc\n\nd\n");
    }

    @Test
    void rejectsInvalidUtf8WithOffset() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        SubtitleRejectedException e = catchThrowableOfType(SubtitleRejectedException.class, () -> decoder.decode(latin1));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_UTF8);
        assertThat(e.getMessage()).contains("offset 3").contains("UTF-8");
    }

    @Test
    void rejectsOverlongAndSurrogateEncodings() {
        assertThat(rejection(new byte[] {'a', (byte) 0xC0, (byte) 0xAF})).isEqualTo(Reason.INVALID_UTF8);
        assertThat(rejection(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEqualTo(Reason.INVALID_UTF8);
        assertThat(rejection(new byte[] {'a', (byte) 0xE3, (byte) 0x81})).isEqualTo(Reason.INVALID_UTF8);
    }

    @Test
    void rejectsNulBytesAsBinary() {
        assertThat(rejection(new byte[] {'W', 'E', 0, 'B'})).isEqualTo(Reason.BINARY);
    }

    @Test
    void rejectsUtf16ByteOrderMarks() {
        assertThat(rejection("\uFEFFWEBVTT".getBytes(StandardCharsets.UTF_16BE))).isEqualTo(Reason.UNSUPPORTED_ENCODING);
        assertThat(rejection("\uFEFFWEBVTT".getBytes(StandardCharsets.UTF_16LE))).isEqualTo(Reason.UNSUPPORTED_ENCODING);
    }

    @Test
    void controlCharactersOtherThanNulAreTextAsInTheWebVttAlgorithm() {
        // A short valid file where a few vertical tabs were more than 2 % of the text used to be refused as binary.
        String text = "WEBVTT\n\n00:01.000 --> 00:02.000\na\u000Bb\u000Bc\u0001\n";
        assertThat(decoder.decode(utf8(text))).isEqualTo(text);
        assertThat(decoder.decode(utf8("ab\u0001\u0002\u0003cd\u0007\u0008"))).hasSize(9);
    }

    @Test
    void sizeLimitIsInclusive() {
        byte[] exactly = utf8("x".repeat(1000));
        assertThat(decoder.decode(exactly)).hasSize(1000);
        assertThat(rejection(utf8("x".repeat(1001)))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void rejectsEmptyBody() {
        assertThat(rejection(new byte[0])).isEqualTo(Reason.EMPTY);
        assertThat(rejection(null)).isEqualTo(Reason.EMPTY);
    }

    @Test
    void maxSizeMustBePositive() {
        assertThatThrownBy(() -> new SubtitleDecoder(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
