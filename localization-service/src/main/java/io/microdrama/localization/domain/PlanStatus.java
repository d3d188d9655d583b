package io.microdrama.localization.domain;

import java.util.List;

/** What the plan of one (drama, region) last answered, and who owns the drama (for who may see it). */
public record PlanStatus(String region, String studioId, long dramaVersion, List<String> requiredLanguages,
        List<String> missingLanguages, List<String> availableLanguages, List<String> approvalLanguages, boolean ready,
        boolean closed) {
}
