package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QcTimelineTest {

    @Test
    void findingsSitWhereTheirCuesAreErrorsAndWarningsApart() {
        QcTimeline timeline = QcTimeline.of(
                List.of(new QcTimeline.CueSpan(0, 2_000), new QcTimeline.CueSpan(50_000, 52_000),
                        new QcTimeline.CueSpan(98_000, 100_000)),
                List.of(new QcTimeline.TimedFinding("ERROR", "CUE_OVERLAP", 2, 50_000L, 52_000L, "overlaps cue 1"),
                        new QcTimeline.TimedFinding("WARNING", "CPS_HIGH", 3, 98_000L, 100_000L, "fast"),
                        new QcTimeline.TimedFinding("ERROR", "MISSING_LANGUAGE_TAG", null, null, null, "whole track")));

        assertThat(timeline.end()).isEqualTo("00:01:40.000");
        assertThat(timeline.cues()).extracting(QcTimeline.Span::x).containsExactly(0.0, 500.0, 980.0);
        assertThat(timeline.errors()).singleElement().satisfies(error -> {
            assertThat(error.x()).isEqualTo(500.0);
            assertThat(error.width()).isEqualTo(20.0);
            assertThat(error.label()).isEqualTo("cue 2, 00:00:50.000: CUE_OVERLAP overlaps cue 1");
        });
        assertThat(timeline.warnings()).singleElement().satisfies(warning -> assertThat(warning.x()).isEqualTo(980.0));
        assertThat(timeline.placed()).isEqualTo(2);
        assertThat(timeline.wholeTrack()).isEqualTo(1);
    }

    @Test
    void aFindingAfterTheLastCueStretchesTheTimelineAndStaysOnIt() {
        QcTimeline timeline = QcTimeline.of(List.of(new QcTimeline.CueSpan(0, 1_000)),
                List.of(new QcTimeline.TimedFinding("ERROR", "CUE_AFTER_EPISODE_END", 9, 200_000L, 200_000L, "late")));

        assertThat(timeline.end()).isEqualTo("00:03:20.000");
        assertThat(timeline.errors()).singleElement().satisfies(error -> {
            assertThat(error.x() + error.width()).isLessThanOrEqualTo(QcTimeline.WIDTH);
            assertThat(error.width()).isEqualTo(QcTimeline.NARROWEST);
        });
    }

    @Test
    void tenThousandCuesDrawAsAtMostAThousandBlocks() {
        List<QcTimeline.CueSpan> cues = new ArrayList<>();
        List<QcTimeline.TimedFinding> findings = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            cues.add(new QcTimeline.CueSpan(i * 300L, i * 300L + 200));
            findings.add(new QcTimeline.TimedFinding("ERROR", "CPS_TOO_HIGH", i + 1, i * 300L, i * 300L + 200L, "fast"));
        }

        QcTimeline timeline = QcTimeline.of(cues, findings);

        assertThat(timeline.cues()).hasSizeLessThanOrEqualTo(1000);
        assertThat(timeline.errors()).hasSizeLessThanOrEqualTo(1000);
        // 300 ms apart on a 50-minute timeline is closer than one unit: one continuous block that says how many.
        assertThat(timeline.errors()).singleElement().satisfies(block -> {
            assertThat(block.label()).startsWith("10000 here, first: cue 1, 00:00:00.000");
            assertThat(block.x() + block.width()).isLessThanOrEqualTo(QcTimeline.WIDTH);
        });
        assertThat(timeline.placed()).isEqualTo(10_000);
    }

    @Test
    void noCuesAndNoTimedFindingsPlaceNothing() {
        QcTimeline timeline = QcTimeline.of(List.of(),
                List.of(new QcTimeline.TimedFinding("ERROR", "EMPTY_TRACK", null, null, null, "no cues")));

        assertThat(timeline.placed()).isZero();
        assertThat(timeline.cues()).isEmpty();
        assertThat(timeline.wholeTrack()).isEqualTo(1);
    }
}
