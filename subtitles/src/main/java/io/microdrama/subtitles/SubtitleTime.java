package io.microdrama.subtitles;

import java.util.Locale;

/** Formatting of millisecond times as {@code HH:MM:SS<sep>mmm}, shared by both writers. */
final class SubtitleTime {

    private SubtitleTime() {
    }

    static String format(long millis, char fractionSeparator) {
        if (millis < 0) {
            throw new IllegalArgumentException("negative time: " + millis);
        }
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long seconds = millis / 1000 % 60;
        long fraction = millis % 1000;
        // Locale.ROOT: some default locales would print non-ASCII digits.
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", hours, minutes, seconds, fractionSeparator, fraction);
    }
}
