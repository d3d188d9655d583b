package io.microdrama.catalog.domain;

/**
 * Which of catalog's two event topics a drama's events take: {@code INTERACTIVE} ({@code catalog.drama.v1}) or
 * {@code BULK} ({@code catalog.drama.bulk.v1}), which localization and billing read with consumers of their own.
 */
public enum EventLane {
    INTERACTIVE,
    BULK
}
