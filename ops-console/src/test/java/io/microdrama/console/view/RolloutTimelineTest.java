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
}
