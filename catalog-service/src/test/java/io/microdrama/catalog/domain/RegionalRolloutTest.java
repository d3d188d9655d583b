package io.microdrama.catalog.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rollout state and blocker of one (drama, region), from its facts and the clock. */
class RegionalRolloutTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-09-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    /** Licensed for version 2 in DE from FROM to UNTIL, with every answer for version 2: LIVE. */
    private static RegionalRollout live() {
        RegionalRollout rollout = RegionalRollout.of(UUID.randomUUID(), "DE");
        rollout.licensedFor(2, new Licence("DE", FROM, UNTIL, false), true, "fsk:12", FROM);
        rollout.applyReadiness(2, true, List.of(), List.of("de"));
        rollout.applyPrice(2, "EUR", 99, 2, 60, 5);
        return rollout;
    }

    @Test
    void withEveryAnswerForTheVersionInsideTheWindowItIsLive() {
        RegionalRollout rollout = live();
        assertThat(rollout.stateAt(NOW)).isEqualTo(RolloutState.LIVE);
        assertThat(rollout.blockers()).isEmpty();
    }

    @Test
    void theLicenceWindowIncludesItsStartAndExcludesItsEnd() {
        RegionalRollout rollout = live();
        assertThat(rollout.stateAt(FROM.minusNanos(1))).isEqualTo(RolloutState.SCHEDULED);
        assertThat(rollout.stateAt(FROM)).isEqualTo(RolloutState.LIVE);
        assertThat(rollout.stateAt(UNTIL.minusNanos(1))).isEqualTo(RolloutState.LIVE);
        assertThat(rollout.stateAt(UNTIL)).isEqualTo(RolloutState.EXPIRED);
        assertThat(rollout.stateAt(UNTIL.plusSeconds(86_400))).isEqualTo(RolloutState.EXPIRED);
    }

    @Test
    void anOpenEndedLicenceNeverExpires() {
        RegionalRollout rollout = live();
        rollout.licensedFor(2, new Licence("DE", FROM, null, false), true, "fsk:12", FROM);
        assertThat(rollout.stateAt(Instant.parse("2999-01-01T00:00:00Z"))).isEqualTo(RolloutState.LIVE);
    }

    @Test
    void withdrawnWinsOverEverythingElse() {
        RegionalRollout rollout = live();
        rollout.withdrawn = true;
        rollout.onHold = true;
        assertThat(rollout.stateAt(NOW)).isEqualTo(RolloutState.WITHDRAWN);
        assertThat(rollout.stateAt(FROM.minusSeconds(1))).isEqualTo(RolloutState.WITHDRAWN);
        assertThat(rollout.stateAt(UNTIL)).isEqualTo(RolloutState.WITHDRAWN);
    }

    @Test
    void theWindowWinsOverAHoldAndAHoldOverBlockers() {
        RegionalRollout rollout = live();
        rollout.hold("legal review", "ops-eu", NOW);
        rollout.priceMinor = null;
        assertThat(rollout.stateAt(FROM.minusSeconds(1))).isEqualTo(RolloutState.SCHEDULED);
        assertThat(rollout.stateAt(UNTIL)).isEqualTo(RolloutState.EXPIRED);
        assertThat(rollout.stateAt(NOW)).isEqualTo(RolloutState.ON_HOLD);
    }

    @Test
    void holdKeepsWhoWhenWhyAndReleaseClearsIt() {
        RegionalRollout rollout = live();
        assertThat(rollout.hold("legal review", "ops-eu", NOW)).isTrue();
        assertThat(rollout.hold("legal review", "someone-else", NOW.plusSeconds(5))).as("same reason: no-op").isFalse();
        assertThat(rollout.heldBy).isEqualTo("ops-eu");
        assertThat(rollout.heldAt).isEqualTo(NOW);
        assertThat(rollout.hold("music rights", "ops-eu", NOW.plusSeconds(9))).isTrue();
        assertThat(rollout.holdReason).isEqualTo("music rights");
        assertThat(rollout.release()).isTrue();
        assertThat(rollout.release()).as("not held: no-op").isFalse();
        assertThat(rollout.onHold).isFalse();
        assertThat(rollout.holdReason).isNull();
        assertThat(rollout.heldBy).isNull();
        assertThat(rollout.heldAt).isNull();
        assertThat(rollout.stateAt(NOW)).isEqualTo(RolloutState.LIVE);
    }

    @Test
    void aWithdrawnDramaCannotBeHeld() {
        RegionalRollout rollout = live();
        rollout.withdrawn = true;
        assertThatThrownBy(() -> rollout.hold("why", "ops-eu", NOW)).isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).kind()).isEqualTo(CatalogException.Kind.CONFLICT);
        assertThat(rollout.onHold).isFalse();
    }

    @Test
    void noLocalizationAnswerForThisVersionIsPending() {
        RegionalRollout rollout = RegionalRollout.of(UUID.randomUUID(), "DE");
        rollout.licensedFor(1, new Licence("DE", FROM, null, false), false, null, FROM);
        assertThat(rollout.stateAt(NOW)).isEqualTo(RolloutState.WAITING);
        assertThat(rollout.blockers()).containsExactly("LOCALIZATION_PENDING", "NO_PRICE");
    }

    @Test
    void missingLanguagesAreNamedAndNotReadyWithoutThemIsSaidSo() {
        RegionalRollout rollout = live();
        rollout.applyReadiness(2, false, List.of("de", "tr"), List.of());
        assertThat(rollout.blockers()).containsExactly("MISSING_LANGUAGE:de", "MISSING_LANGUAGE:tr");
        rollout.applyReadiness(2, false, List.of(), List.of());
        assertThat(rollout.blockers()).containsExactly("LOCALIZATION_NOT_READY");
        assertThat(rollout.stateAt(NOW)).isEqualTo(RolloutState.WAITING);
    }

    @Test
    void noPriceOrAPriceForAnOlderVersionBlocks() {
        RegionalRollout rollout = live();
        rollout.priceMinor = null;
        assertThat(rollout.blockers()).containsExactly("NO_PRICE");
        RegionalRollout stale = live();
        stale.licensedFor(3, new Licence("DE", FROM, UNTIL, false), true, "fsk:12", NOW);
        assertThat(stale.blockers()).containsExactly("LOCALIZATION_PENDING", "NO_PRICE");
    }

    @Test
    void aRequiredAgeRatingBlocksUntilTheDramaHasOne() {
        RegionalRollout rollout = live();
        rollout.licensedFor(2, new Licence("DE", FROM, UNTIL, false), true, null, FROM);
        assertThat(rollout.blockers()).containsExactly("AGE_RATING_MISSING");
        rollout.licensedFor(2, new Licence("DE", FROM, UNTIL, false), false, null, FROM);
        assertThat(rollout.blockers()).as("not required here").isEmpty();
        rollout.licensedFor(2, new Licence("DE", FROM, UNTIL, false), true, "fsk:16", FROM);
        assertThat(rollout.stateAt(NOW)).isEqualTo(RolloutState.LIVE);
    }

    @Test
    void answersForAnOlderVersionChangeNothingAndNewerOnesApply() {
        RegionalRollout rollout = live();
        assertThat(rollout.applyReadiness(1, false, List.of("fr"), List.of())).isFalse();
        assertThat(rollout.applyPrice(1, "EUR", 49, 2, 30, 3)).isFalse();
        assertThat(rollout.stateAt(NOW)).isEqualTo(RolloutState.LIVE);
        assertThat(rollout.priceMinor).isEqualTo(99L);
        assertThat(rollout.applyPrice(2, "EUR", 79, 2, 50, 5)).as("same version again applies").isTrue();
        assertThat(rollout.priceMinor).isEqualTo(79L);
        assertThat(rollout.applyReadiness(3, false, List.of("tr"), List.of())).isTrue();
        assertThat(rollout.localizationVersion).isEqualTo(3);
        assertThat(rollout.blockers()).containsExactly("MISSING_LANGUAGE:tr");
    }

    @Test
    void aNewVersionMakesEarlierAnswersNotCountAndLiftsAWithdrawal() {
        RegionalRollout rollout = live();
        rollout.withdrawn = true;
        Instant republished = NOW.plusSeconds(60);
        rollout.licensedFor(3, new Licence("DE", FROM, null, true), true, "fsk:12", republished);
        assertThat(rollout.withdrawn).isFalse();
        assertThat(rollout.validUntil).isNull();
        assertThat(rollout.listedAt).isEqualTo(republished);
        assertThat(rollout.stateAt(NOW)).isEqualTo(RolloutState.WAITING);
        assertThat(rollout.blockers()).containsExactly("LOCALIZATION_PENDING", "NO_PRICE");
    }

    @Test
    void eachStepIsTimedOnceWhenReachedAndANewVersionStartsAgain() {
        RegionalRollout rollout = RegionalRollout.of(UUID.randomUUID(), "DE");
        rollout.licensedFor(2, new Licence("DE", FROM, UNTIL, false), false, null, FROM);
        rollout.applyReadiness(2, true, List.of(), List.of("de"));
        rollout.recordProgress(NOW);
        assertThat(rollout.localizedAt).isEqualTo(NOW);
        assertThat(rollout.pricedAt).isNull();
        assertThat(rollout.liveAt).isNull();

        Instant priced = NOW.plusSeconds(2);
        rollout.applyPrice(2, "EUR", 99, 2, 60, 5);
        rollout.recordProgress(priced);
        rollout.applyPrice(2, "EUR", 79, 2, 50, 5);
        rollout.recordProgress(priced.plusSeconds(30));
        assertThat(rollout.localizedAt).as("kept while still ready").isEqualTo(NOW);
        assertThat(rollout.pricedAt).as("the first price of the version").isEqualTo(priced);
        assertThat(rollout.liveAt).isEqualTo(priced);

        rollout.licensedFor(3, new Licence("DE", FROM, UNTIL, false), false, null, priced.plusSeconds(60));
        assertThat(rollout.localizedAt).isNull();
        assertThat(rollout.pricedAt).isNull();
        assertThat(rollout.liveAt).isNull();
    }

    @Test
    void aWindowOpeningLaterIsLiveFromItsStartAndAHeldRowOnlyOnceReleased() {
        RegionalRollout scheduled = live();
        scheduled.localizedAt = null;
        scheduled.pricedAt = null;
        scheduled.recordProgress(FROM.minusSeconds(3600));
        assertThat(scheduled.liveAt).isEqualTo(FROM);

        RegionalRollout held = live();
        held.hold("legal check", "ops-eu", NOW);
        held.recordProgress(NOW);
        assertThat(held.pricedAt).isEqualTo(NOW);
        assertThat(held.liveAt).isNull();
        held.release();
        held.recordProgress(NOW.plusSeconds(5));
        assertThat(held.liveAt).isEqualTo(NOW.plusSeconds(5));

        held.applyReadiness(2, false, List.of("tr"), List.of());
        held.recordProgress(NOW.plusSeconds(9));
        assertThat(held.localizedAt).as("not ready any more").isNull();
        assertThat(held.liveAt).as("first LIVE is kept").isEqualTo(NOW.plusSeconds(5));
    }
}
