package io.microdrama.subtitles;

import java.util.Locale;
import java.util.function.Consumer;

/** One QC check. Rules are independent and stateless; each runs in linear time (plus a sort). */
interface QcRule {

    void check(QcTrack track, Consumer<QcFinding> out);

    /** "31" or "12.5": counts under the CJK rules are halves. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }
}
