package io.microdrama.catalog.domain;

/** One episode of a drama; micro-drama episodes last from 10 seconds to 15 minutes. */
public record Episode(int number, String title, int durationSeconds) {
}
