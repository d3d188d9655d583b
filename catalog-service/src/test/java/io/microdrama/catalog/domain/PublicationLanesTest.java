package io.microdrama.catalog.domain;

import io.microdrama.contracts.EventLane;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a drama's events take the bulk lane, and that a drama never changes lane. */
class PublicationLanesTest {

    private final PublicationLanes lanes = new PublicationLanes(30, Duration.ofSeconds(10));

    @Test
    void aStudioBelowTheThresholdPublishesOnTheInteractiveLane() {
        assertThat(lanes.laneOf(null, 0)).isEqualTo(EventLane.INTERACTIVE);
        assertThat(lanes.laneOf(null, 29)).isEqualTo(EventLane.INTERACTIVE);
    }

    @Test
    void aStudioAtTheThresholdWithinTheWindowPublishesOnTheBulkLane() {
        assertThat(lanes.laneOf(null, 30)).isEqualTo(EventLane.BULK);
        assertThat(lanes.laneOf(null, 5_000)).isEqualTo(EventLane.BULK);
    }

    @Test
    void aDramaKeepsTheLaneOfItsFirstEventWhateverItsStudioDoesLater() {
        assertThat(lanes.laneOf(EventLane.INTERACTIVE, 5_000)).isEqualTo(EventLane.INTERACTIVE);
        assertThat(lanes.laneOf(EventLane.BULK, 0)).isEqualTo(EventLane.BULK);
    }

    @Test
    void theWindowEndsNow() {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        assertThat(lanes.windowStart(now)).isEqualTo(Instant.parse("2026-12-04T11:59:50Z"));
    }

    @Test
    void nonsenseSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new PublicationLanes(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicationLanes(20, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
