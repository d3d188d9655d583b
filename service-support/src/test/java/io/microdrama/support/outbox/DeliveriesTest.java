package io.microdrama.support.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveriesTest {

    @Test
    void everyAcknowledgedRowIsSentWhenNothingFailed() {
        Deliveries deliveries = new Deliveries(List.of("a", "b", "a", "c"));
        for (int i = 0; i < 4; i++) {
            deliveries.acknowledged(i);
        }
        assertThat(deliveries.sent()).containsExactly(0, 1, 2, 3);
        assertThat(deliveries.failed()).isEmpty();
        assertThat(deliveries.firstFailure()).isNull();
    }

    @Test
    void afterAFailureForAKeyNoLaterRowOfThatKeyCountsAsSentOtherKeysDo() {
        Deliveries deliveries = new Deliveries(List.of("a", "b", "a", "b", "a", "c"));
        RuntimeException timeout = new RuntimeException("timeout");
        deliveries.acknowledged(0);
        deliveries.acknowledged(1);
        deliveries.failed(2, timeout);
        deliveries.acknowledged(3);
        deliveries.acknowledged(4); // the producer delivered it after its predecessor failed: it must go again later
        deliveries.acknowledged(5);

        assertThat(deliveries.sent()).containsExactly(0, 1, 3, 5);
        assertThat(deliveries.failed()).containsExactly(2);
        assertThat(deliveries.firstFailure()).isSameAs(timeout);
    }

    @Test
    void aRowNeverAnsweredBlocksTheLaterRowsOfItsKeyLikeAFailure() {
        Deliveries deliveries = new Deliveries(List.of("a", "a", "b"));
        deliveries.acknowledged(1);
        deliveries.acknowledged(2);

        assertThat(deliveries.sent()).containsExactly(2);
        assertThat(deliveries.failed()).isEmpty();
    }

    @Test
    void theFirstFailureIsTheEarliestInClaimOrderNotTheFirstToArrive() {
        Deliveries deliveries = new Deliveries(List.of("a", "b", "c"));
        RuntimeException later = new RuntimeException("later row");
        RuntimeException earlier = new RuntimeException("earlier row");
        deliveries.failed(2, later);
        deliveries.failed(1, earlier);

        assertThat(deliveries.firstFailure()).isSameAs(earlier);
        assertThat(deliveries.failed()).containsExactly(1, 2);
    }
}
