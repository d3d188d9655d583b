package io.microdrama.localization.persistence;

import io.microdrama.localization.domain.Readiness;
import io.microdrama.localization.domain.Readiness.AcceptedTrack;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** When a region's plan must answer catalog again. */
class RegionPlanTest {

    static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

    @Test
    void aPlanTellsCatalogOncePerVersionAndOtherwiseOnlyWhenTheResultChanges() {
        RegionPlan plan = RegionPlan.of(UUID.randomUUID(), "DE");
        Readiness missing = Readiness.of(List.of("de"), List.of(1), Set.of());
        Readiness done = Readiness.of(List.of("de"), List.of(1), Set.of(new AcceptedTrack(1, "de")));

        assertThat(plan.planFor(1, "aurora", "en", 1, missing, NOW)).as("first plan").isTrue();
        assertThat(plan.planFor(1, "aurora", "en", 1, missing, NOW)).as("same version, same result").isFalse();
        assertThat(plan.apply(missing, NOW)).isFalse();
        assertThat(plan.apply(done, NOW)).isTrue();
        assertThat(plan.ready).isTrue();
        assertThat(plan.planFor(2, "aurora", "en", 1, done, NOW)).as("new version, same result").isTrue();
        plan.close(NOW);
        assertThat(plan.planFor(2, "aurora", "en", 1, done, NOW)).as("reopened").isTrue();
        assertThat(plan.closed).isFalse();
        assertThat(plan.apply(Readiness.of(List.of("de", "en"), List.of(1), Set.of(new AcceptedTrack(1, "de"))), NOW))
                .as("policy added a language").isTrue();
    }
}
