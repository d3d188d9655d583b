package io.microdrama.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bucket arithmetic on a hand-driven clock: no sleeping, no timing assumptions. */
class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    @Test
    void aBurstPassesThenTheNextRequestWaitsForOneToken() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("1.2.3.4").allowed()).isTrue();
        }
        TokenBuckets.Decision refused = buckets.take("1.2.3.4");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).as("half a second at 2/s, rounded up").isEqualTo(1);
        advanceMillis(500);
        assertThat(buckets.take("1.2.3.4").allowed()).isTrue();
        assertThat(buckets.take("1.2.3.4").allowed()).isFalse();
    }

    @Test
    void retryAfterReflectsASlowRate() {
        TokenBuckets buckets = new TokenBuckets(0.1, 1, 100, now::get);
        assertThat(buckets.take("studio-a").allowed()).isTrue();
        assertThat(buckets.take("studio-a").retryAfterSeconds()).isEqualTo(10);
        advanceMillis(4_000);
        assertThat(buckets.take("studio-a").retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, now::get);
        assertThat(buckets.take("aurora").allowed()).isTrue();
        assertThat(buckets.take("aurora").allowed()).isFalse();
        assertThat(buckets.take("lotus").allowed()).isTrue();
    }

    @Test
    void aQuietPeriodRefillsToTheBurstNotBeyond() {
        TokenBuckets buckets = new TokenBuckets(10, 5, 100, now::get);
        buckets.take("k");
        advanceMillis(60_000);
        int passed = 0;
        while (buckets.take("k").allowed()) {
            passed++;
        }
        assertThat(passed).isEqualTo(5);
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfDistinctKeys() {
        TokenBuckets buckets = new TokenBuckets(1, 2, 50, now::get);
        for (int i = 0; i < 10_000; i++) {
            buckets.take("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(buckets.trackedKeys()).isLessThanOrEqualTo(50);
    }

    @Test
    void idleBucketsAreDroppedFirstAndBusyOnesKeepTheirState() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 2, now::get);
        buckets.take("busy");
        advanceMillis(100);
        buckets.take("idle-soon");
        advanceMillis(950); // "idle-soon" is not yet full, "busy" is full again: only "busy" is idle
        buckets.take("newcomer");
        assertThat(buckets.take("idle-soon").allowed()).as("kept its (empty) bucket").isFalse();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new TokenBuckets(0, 1, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBuckets(1, 0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
