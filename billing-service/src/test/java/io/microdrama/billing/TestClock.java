package io.microdrama.billing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * billing's clock in its tests: the system's, plus an offset a test may move to reach a dated version's day instead
 * of waiting for it. Replaces service-support's default clock in every billing test; the offset is zero unless a
 * test moves it (and puts it back).
 */
public class TestClock {

    private static volatile Duration offset = Duration.ZERO;

    static void advance(Duration by) {
        offset = offset.plus(by);
    }

    static void reset() {
        offset = Duration.ZERO;
    }

    @Produces
    @Singleton
    Clock movableClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.system(zone);
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }
}
