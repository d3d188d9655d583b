package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutTimelineTest {

    @Test
    void eachRegionGoesFromPublishedToLiveAndShowsWhereItIsStuck() throws Exception {
        List<RolloutTimeline.RegionLine> lines = RolloutTimeline.of(new ObjectMapper().readTree("""
                {"drama":{"status":"PUBLISHED","rollout":[
                   {"region":"DE","state":"LIVE","blockers":[]},
                   {"region":"FR","state":"WAITING","blockers":["MISSING_LANGUAGE:fr"]},
                   {"region":"US","state":"ON_HOLD","blockers":[]}]},
                 "localization":{"status":"AVAILABLE","regions":[
                   {"region":"DE","missingLanguages":[]},{"region":"FR","missingLanguages":["fr"]},
                   {"region":"US","missingLanguages":[]}]},
                 "pricing":{"status":"AVAILABLE","regions":[
                   {"region":"DE","amountMinor":199},{"region":"FR","amountMinor":199},{"region":"US","amountMinor":249}]},
                 "unavailable":[]}
                """));

        assertThat(lines).extracting(RolloutTimeline.RegionLine::region).containsExactly("DE", "FR", "US");
        assertThat(lines.get(0).steps()).extracting(RolloutTimeline.Step::state).containsOnly(RolloutTimeline.StepState.DONE);
        assertThat(lines.get(0).steps()).extracting(RolloutTimeline.Step::name)
                .containsExactly("published", "localized", "priced", "LIVE");
        assertThat(lines.get(1).steps()).extracting(RolloutTimeline.Step::label).containsExactly("published: done",
                "localized: blocked (missing fr)", "priced: done", "LIVE: blocked (MISSING_LANGUAGE:fr)");
        assertThat(lines.get(2).steps().get(3).label()).isEqualTo("LIVE: blocked (on hold)");
    }

    @Test
    void anUnavailablePartIsSaidSoNotGuessed() throws Exception {
        List<RolloutTimeline.RegionLine> lines = RolloutTimeline.of(new ObjectMapper().readTree("""
                {"drama":{"status":"PUBLISHED","rollout":[{"region":"JP","state":"SCHEDULED","blockers":[]}]},
                 "localization":{"status":"UNAVAILABLE"},"pricing":{"status":"AVAILABLE","regions":[]},
                 "unavailable":["localization"]}
                """));

        assertThat(lines.get(0).steps()).extracting(RolloutTimeline.Step::label).containsExactly("published: done",
                "localized: not yet (localization unavailable)", "priced: not yet (no price yet)", "LIVE: not yet (scheduled)");
    }

    @Test
    void eachReachedStepSaysWhenAndHowLongAfterTheStepBeforeIt() throws Exception {
        List<RolloutTimeline.RegionLine> lines = RolloutTimeline.of(new ObjectMapper().readTree("""
                {"drama":{"status":"PUBLISHED","rollout":[
                   {"region":"DE","state":"LIVE","blockers":[],"steps":{"publishedAt":"2026-12-03T10:00:00Z",
                     "localizedAt":"2026-12-03T10:00:01.200Z","pricedAt":"2026-12-03T10:03:06Z","liveAt":"2026-12-03T10:03:06Z"}},
                   {"region":"FR","state":"WAITING","blockers":["MISSING_LANGUAGE:fr"],"steps":{"publishedAt":"2026-12-03T10:00:00Z",
                     "localizedAt":null,"pricedAt":"2026-12-03T12:30:00Z","liveAt":null}},
                   {"region":"GB","state":"LIVE","blockers":[],"steps":{"publishedAt":"2026-11-01T00:00:00Z",
                     "localizedAt":"2026-11-04T05:00:00Z","pricedAt":"2026-11-01T00:00:00.5Z","liveAt":"2026-11-04T05:00:00Z"}},
                   {"region":"US","state":"LIVE","blockers":[]}]},
                 "localization":{"status":"AVAILABLE","regions":[
                   {"region":"DE","missingLanguages":[]},{"region":"FR","missingLanguages":["fr"]},
                   {"region":"GB","missingLanguages":[]},{"region":"US","missingLanguages":[]}]},
                 "pricing":{"status":"AVAILABLE","regions":[
                   {"region":"DE","amountMinor":199},{"region":"FR","amountMinor":199},{"region":"GB","amountMinor":179},
                   {"region":"US","amountMinor":249}]},
                 "unavailable":[]}
                """));

        assertThat(lines.get(0).steps()).extracting(RolloutTimeline.Step::timing).containsExactly(
                "published at 2026-12-03 10:00:00 UTC", "localized after 1.2 s (2026-12-03 10:00:01 UTC)",
                "priced after 3 min 4 s (2026-12-03 10:03:06 UTC)", "LIVE after 0.0 s (2026-12-03 10:03:06 UTC)");
        assertThat(lines.get(1).steps()).extracting(RolloutTimeline.Step::timing).as("not reached: no time")
                .containsExactly("published at 2026-12-03 10:00:00 UTC", "", "priced after 2 h 30 min (2026-12-03 12:30:00 UTC)", "");
        assertThat(lines.get(2).steps()).extracting(RolloutTimeline.Step::timing).as("priced before localized")
                .containsExactly("published at 2026-11-01 00:00:00 UTC", "localized after 3 d 5 h (2026-11-04 05:00:00 UTC)",
                        "priced after 0.5 s (2026-11-01 00:00:00 UTC)", "LIVE after 0.0 s (2026-11-04 05:00:00 UTC)");
        assertThat(lines.get(3).steps()).as("a row from before the steps were timed").extracting(RolloutTimeline.Step::timing)
                .containsOnly("");
        assertThat(lines.get(3).steps()).extracting(RolloutTimeline.Step::state).containsOnly(RolloutTimeline.StepState.DONE);
    }

    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertThat(RolloutTimeline.duration(java.time.Duration.ofMillis(1249))).isEqualTo("1.2 s");
        assertThat(RolloutTimeline.duration(java.time.Duration.ofSeconds(59))).isEqualTo("59.0 s");
        assertThat(RolloutTimeline.duration(java.time.Duration.ofSeconds(61))).isEqualTo("1 min 1 s");
        assertThat(RolloutTimeline.duration(java.time.Duration.ofMinutes(150))).isEqualTo("2 h 30 min");
        assertThat(RolloutTimeline.duration(java.time.Duration.ofHours(49))).isEqualTo("2 d 1 h");
    }
}
