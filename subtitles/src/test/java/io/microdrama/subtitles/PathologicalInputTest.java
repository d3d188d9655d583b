package io.microdrama.subtitles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worst cases for a line-oriented parser and regex-based markup handling, near the 1 MiB upload limit. The
 * class-level timeout is generous (shared CI machine); it catches hangs and quadratic blow-ups, not slowness.
 */
@Timeout(120)
class PathologicalInputTest {

    private static final int SIZE = 900_000;
    private final SubtitleIngest ingest = SubtitleIngest.withDefaults();
    private final QualityControl qc = new QualityControl(LanguageProfiles.loadDefault());

    private SubtitleDocument parseBytes(String text) {
        return ingest.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void manyTimingLinesWithoutBlankLines() {
        String text = "WEBVTT\n" + "00:01.000 --> 00:02.000\n".repeat(SIZE / 24);
        SubtitleDocument doc = parseBytes(text);
        assertThat(doc.cues()).hasSize(SIZE / 24);
        qc.check(doc, QcContext.verticalEpisode("en", 60_000));
        new SrtWriter().write(doc);
    }

    @Test
    void oneHugeCueOfArrows() {
        SubtitleDocument doc = parseBytes("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n" + "-->".repeat(SIZE / 3));
        assertThat(doc.cues()).hasSize(1);
    }

    @Test
    void unclosedTagsAndReferences() {
        String payload = "<".repeat(SIZE / 4) + "<aaaa".repeat(SIZE / 20) + "&#x".repeat(SIZE / 12) + "{\\".repeat(SIZE / 8);
        SubtitleDocument vtt = parseBytes("WEBVTT\n\n00:01.000 --> 00:02.000\n" + payload);
        SubtitleDocument srt = parseBytes("1\n00:00:01,000 --> 00:00:02,000\n" + payload);
        for (SubtitleDocument doc : new SubtitleDocument[] {vtt, srt}) {
            qc.check(doc, QcContext.verticalEpisode("ja", 60_000));
            new WebVttWriter().write(doc);
            new SrtWriter().write(doc);
        }
    }

    @Test
    void enormousDigitRunsInTimestampsAndSettings() {
        String digits = "9".repeat(SIZE / 4);
        SubtitleDocument vtt = parseBytes("WEBVTT\n\n" + digits + ":00.000 --> 00:01.000 line:" + digits
                + " position:" + digits + "%\nx\n\n00:01.000 --> 00:02.000 line:" + digits + "\ny\n");
        assertThat(vtt.cues()).extracting(Cue::text).containsExactly("y");
        SubtitleDocument srt = parseBytes(digits + ":00:00,000 --> 00:00:01,000\nx\n");
        assertThat(srt.cues()).isEmpty();
    }

    @Test
    void longLineWithoutArrowInSrt() {
        String line = "1:2" + "-".repeat(SIZE);
        SubtitleDocument doc = ingest.parseText(line + "\n00:00:01,000 --> 00:00:02,000\nx\n");
        assertThat(doc.cues()).hasSize(1);
    }

    @Test
    void longGraphemeClusterAndMixedScripts() {
        String text = "ก" + "\u0E35".repeat(SIZE / 2) + " مرحبا Netflix ".repeat(1000);
        SubtitleDocument doc = SubtitleDocument.of(SubtitleFormat.WEBVTT, List.of(Cue.of(1, 0, 1000, text)));
        for (String language : new String[] {"th", "ar", "ko", "ja"}) {
            assertThat(qc.check(doc, QcContext.verticalEpisode(language, 60_000)).verdict()).isEqualTo(QcVerdict.QC_FAILED);
        }
    }
}
