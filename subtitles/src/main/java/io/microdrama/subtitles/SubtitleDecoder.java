package io.microdrama.subtitles;

import io.microdrama.subtitles.SubtitleRejectedException.Reason;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an uploaded body into text both parsers can read: UTF-8 only (WebVTT mandates it, and a silent Latin-1
 * fallback would corrupt every non-Latin track we distribute), BOM removed, line endings normalized to LF.
 * Rejects what is not text with a {@link SubtitleRejectedException} whose message tells the uploader what to fix.
 */
public final class SubtitleDecoder {

    /** 1 MiB: a 3-minute episode track is ~5 KB, so this only stops abuse. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private final int maxBytes;

    public SubtitleDecoder(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * @return the text with LF line endings and without BOM
     * @throws SubtitleRejectedException when the body is empty, too large, not UTF-8 or binary
     */
    public String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new SubtitleRejectedException(Reason.EMPTY, "The subtitle file is empty.");
        }
        if (body.length > maxBytes) {
            throw new SubtitleRejectedException(Reason.TOO_LARGE,
                    "The subtitle file has " + body.length + " bytes; the limit is " + maxBytes + " bytes.");
        }
        rejectUtf16Or32(body);
        int start = hasUtf8Bom(body) ? 3 : 0;
        rejectNulBytes(body, start);
        // Other control characters are text, as in the WebVTT parser algorithm: a share-of-controls rule refused
        // valid short files with a few vertical tabs, and real binary data is caught by NUL or invalid UTF-8.
        return normalizeLineEndings(strictUtf8(body, start));
    }

    /** CRLF and lone CR become LF, as the WebVTT algorithm's preprocessing does; SRT gets the same treatment. */
    public static String normalizeLineEndings(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static void rejectUtf16Or32(byte[] b) {
        boolean utf32 = b.length >= 4 && ((b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0));
        boolean utf16 = b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE));
        if (utf32 || utf16) {
            throw new SubtitleRejectedException(Reason.UNSUPPORTED_ENCODING,
                    "The subtitle file is " + (utf32 ? "UTF-32" : "UTF-16")
                            + " (byte order mark found); please export it as UTF-8.");
        }
    }

    /**
     * Deviation from the WebVTT parser algorithm (which turns NUL into U+FFFD), for both formats: no UTF-8 text export
     * contains a NUL byte, while UTF-16 without byte order mark and binary uploads are full of them. Refusing with
     * that explanation helps the uploader; replacing them would store a track of garbage cues.
     */
    private static void rejectNulBytes(byte[] b, int start) {
        for (int i = start; i < b.length; i++) {
            if (b[i] == 0) {
                throw new SubtitleRejectedException(Reason.BINARY,
                        "The file contains a NUL byte at offset " + i + "; it is binary data, not subtitle text"
                                + " (or UTF-16 without byte order mark; please export as UTF-8).");
            }
        }
    }

    private static String strictUtf8(byte[] body, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, start, body.length - start);
        // UTF-8 never yields more UTF-16 units than it has bytes.
        CharBuffer out = CharBuffer.allocate(body.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new SubtitleRejectedException(Reason.INVALID_UTF8,
                    "The file is not valid UTF-8 (first invalid byte at offset " + in.position()
                            + "). It was probably saved as Windows-1252, Latin-1 or another legacy encoding;"
                            + " please export it as UTF-8.");
        }
        out.flip();
        return out.toString();
    }
}
