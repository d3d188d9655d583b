package io.microdrama.catalog.domain;

import io.microdrama.contracts.EventLane;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps one studio's back catalogue from starving everyone else's publications (issue 17). Localization and billing
 * read each topic in order, so a studio publishing thousands of dramas would put every other studio's next drama
 * behind all of them; its dramas go to the bulk lane instead, read beside the interactive one.
 * <p>
 * A drama goes to the bulk lane when its studio published at least {@code burstThreshold} dramas in the last
 * {@code window}: a person publishing by hand never gets there, an import does after its first few. The lane is
 * chosen at a drama's first event and kept for all the others: consumers apply a drama's events in the order of
 * its topic, and a withdrawal overtaking its publication on the other lane would be applied first.
 */
public record PublicationLanes(int burstThreshold, Duration window) {

    public PublicationLanes {
        Objects.requireNonNull(window, "window");
        if (burstThreshold < 1) {
            throw new IllegalArgumentException("burstThreshold must be at least 1, was " + burstThreshold);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }

    /** The start of the window in which the studio's publications are counted. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /** The lane of a drama's next event, given its current lane (null before its first) and the studio's recent count. */
    public EventLane laneOf(EventLane current, long studioPublicationsInWindow) {
        if (current != null) {
            return current;
        }
        return studioPublicationsInWindow >= burstThreshold ? EventLane.BULK : EventLane.INTERACTIVE;
    }
}
