package io.microdrama.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * Localization readiness of one (drama, region) for the drama version it was computed from.
 * {@code availableLanguages} are the subtitle languages a player can offer in the region today.
 */
public record ReadinessChanged(
        String dramaId,
        long dramaVersion,
        String region,
        boolean ready,
        List<String> requiredLanguages,
        List<String> missingLanguages,
        List<String> availableLanguages,
        Instant changedAt) {
}
