package io.microdrama.subtitles;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No upload may cost more than linear work in its size (issue 16). Each pathological shape is decoded, parsed,
 * checked under three count rules and written in both formats at about {@value #SMALL} bytes and at eight times
 * that. The larger input must take less than {@value #MAX_RATIO} times as long: linear work gives about 8, quadratic
 * about 64 (every shape below was quadratic before, from seconds to minutes at the larger size).
 *
 * <p>Why this is not timing-flaky: it measures the CPU time of the working thread (other processes on a shared
 * machine and GC threads do not count) and compares the machine with itself, never with a budget; each size is the
 * best of three runs after a warm-up; the bound is three times the linear ratio; and when the larger run takes under
 * {@value #TOO_FAST_TO_TELL_MS} ms of CPU there is nothing quadratic to see at half a megabyte, so it passes.
 */
class LinearCostTest {

    static final int SMALL = 64 * 1024;
    static final int FACTOR = 8;
    static final int MAX_RATIO = 24;
    static final long TOO_FAST_TO_TELL_MS = 100;

    private final SubtitleIngest ingest = SubtitleIngest.withDefaults();
    private final QualityControl qc = new QualityControl(LanguageProfiles.loadDefault());

    /** Issue 16: one cue line of mixed combining accents (combining classes 230, 220, 216, 202) made QC quadratic. */
    @Test
    void oneLineOfMixedCombiningAccents() {
        assertLinear(size -> webVtt("a" + "\u0301\u0323\u031B\u0327".repeat(size / 8)));
    }

    /** The font colour pattern backtracked over two space runs around the optional quote (SRT to WebVTT). */
    @Test
    void fontColourAttributeWithALongRunOfSpaces() {
        assertLinear(size -> srt("<font color=" + " ".repeat(size) + "!>x</font>"));
    }

    /** Every cue's region setting scanned every REGION block. */
    @Test
    void manyRegionsAndManyCuesNamingAnUnknownOne() {
        assertLinear(size -> {
            StringBuilder text = new StringBuilder("WEBVTT\n\n");
            for (int i = 0; text.length() < size / 2; i++) {
                text.append("REGION\nid:r").append(i).append("\n\n");
            }
            while (text.length() < size) {
                text.append("00:01.000 --> 00:02.000 region:zz\nx\n\n");
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    /** Overlap and gap checks: every cue overlaps every other one (sorted once, one pass). */
    @Test
    void everyCueOverlapsEveryOther() {
        assertLinear(size -> {
            StringBuilder text = new StringBuilder();
            for (int i = 1; text.length() < size; i++) {
                text.append(i).append("\n00:00:00,").append(String.format("%03d", i % 1000))
                        .append(" --> 99:00:00,000\n<i>x</i>\n\n");
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    @Test
    void unclosedTagsReferencesAndOverrideBlocks() {
        assertLinear(size -> webVtt("<aaaa &#x {\\ <font color=".repeat(size / 26)));
        assertLinear(size -> srt("<aaaa &#x {\\ <font color= ".repeat(size / 26)));
    }

    @Test
    void duplicateIdentifiersAndInvalidSettings() {
        assertLinear(size -> {
            StringBuilder text = new StringBuilder("WEBVTT\n\n");
            while (text.length() < size) {
                text.append("same id\n00:01.000 --> 00:02.000 line:x position:200% size:-1% align:up bad\nx\n\n");
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    @Test
    void longDigitRunsInTimestampsAndSettings() {
        assertLinear(size -> webVtt("x", "9".repeat(size / 2) + ":00.000 --> 00:01.000 line:" + "1".repeat(size / 2)));
    }

    private static byte[] webVtt(String cueText) {
        return webVtt(cueText, "00:01.000 --> 00:02.000");
    }

    private static byte[] webVtt(String cueText, String timing) {
        return ("WEBVTT\n\n00:00.000 --> 00:00.500\nfirst\n\n" + timing + "\n" + cueText + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] srt(String cueText) {
        return ("1\n00:00:01,000 --> 00:00:02,000\n" + cueText + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Everything an upload and a delivery do with the bytes. */
    private void fullWork(byte[] body) {
        SubtitleDocument document = ingest.parse(body);
        for (String language : new String[] {"en", "th", "ja"}) {
            qc.check(document, QcContext.verticalEpisode(language, 60_000));
        }
        new WebVttWriter().write(document);
        new SrtWriter().write(document);
    }

    private void assertLinear(IntFunction<byte[]> shape) {
        byte[] small = shape.apply(SMALL);
        byte[] large = shape.apply(SMALL * FACTOR);
        assertThat(large.length).as("the large input is within the upload limit")
                .isLessThanOrEqualTo(SubtitleDecoder.DEFAULT_MAX_BYTES);
        fullWork(small); // warm-up: class loading and JIT
        long smallNanos = bestOfThree(small);
        long largeNanos = bestOfThree(large);
        if (largeNanos < TOO_FAST_TO_TELL_MS * 1_000_000) {
            return;
        }
        assertThat(largeNanos).as("%d bytes took %d µs of CPU, %d bytes %d µs: the cost grows faster than the size",
                small.length, smallNanos / 1000, large.length, largeNanos / 1000).isLessThan(MAX_RATIO * smallNanos);
    }

    /** CPU time of the working thread, not wall time: other processes on a shared machine do not count. */
    private long bestOfThree(byte[] body) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long cpu = NoHang.within(() -> {
                long start = threads.getCurrentThreadCpuTime();
                fullWork(body);
                return threads.getCurrentThreadCpuTime() - start;
            });
            best = Math.min(best, cpu);
        }
        return best;
    }
}
