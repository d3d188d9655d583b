package io.microdrama.localization.domain;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the policy's change log.
 *
 * @param region    null for the seed
 * @param languages null when the region's entry was removed
 */
public record PolicyChange(long version, Instant changedAt, String changedBy, String region, List<String> languages,
        String note) {
}
