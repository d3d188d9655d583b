package io.microdrama.localization.domain;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the policy's change log.
 *
 * @param region    null for the seed
 * @param languages null when the region's entry was removed
 * @param approval  the approval rule set with the languages; null for the seed and for a removal
 */
public record PolicyChange(long version, Instant changedAt, String changedBy, String region, List<String> languages,
        String note, ApprovalRule approval) {
}
