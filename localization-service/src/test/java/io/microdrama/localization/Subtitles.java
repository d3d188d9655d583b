package io.microdrama.localization;

import java.nio.charset.StandardCharsets;

/** Small valid subtitle files for the integration tests: one cue every 3 s, each shown for 2.5 s. */
final class Subtitles {

    private Subtitles() {
    }

    static byte[] srt(String... texts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            out.append(i + 1).append("\r\n").append(time(start(i), ',')).append(" --> ").append(time(start(i) + 2500, ','))
                    .append("\r\n").append(texts[i]).append("\r\n\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] vtt(String... texts) {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < texts.length; i++) {
            out.append(time(start(i), '.')).append(" --> ").append(time(start(i) + 2500, '.')).append(" line:85%\n")
                    .append(texts[i]).append("\n\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long start(int cue) {
        return 1000 + cue * 3000L;
    }

    private static String time(long ms, char separator) {
        return "%02d:%02d:%02d%c%03d".formatted(ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000);
    }
}
