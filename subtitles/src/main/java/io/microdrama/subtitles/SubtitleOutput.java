package io.microdrama.subtitles;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A serialized track.
 *
 * @param format   the format written
 * @param text     the file content, LF line endings
 * @param findings what could not be carried over from the source format
 */
public record SubtitleOutput(SubtitleFormat format, String text, List<ConversionFinding> findings) {

    public SubtitleOutput {
        findings = List.copyOf(findings);
    }

    /** UTF-8 without BOM, as both formats are delivered. */
    public byte[] utf8() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
