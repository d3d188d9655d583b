package io.microdrama.localization.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of the language policy; the highest version is the current policy version. */
@Entity
@Table(name = "language_policy_change")
public class PolicyChangeRow {

    @Id
    public long version;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
    /** Null for the seed. */
    public String region;
    /** Space-separated tags; null when the region's entry was removed. */
    public String languages;
    public String note;
    /** The approval rule set with the languages; null for the seed and for a removal. */
    @Column(name = "approval_required")
    public Boolean approvalRequired;
    /** Space-separated tags needing approval whatever the default / needing none whatever the default. */
    @Column(name = "approval_languages")
    public String approvalLanguages;
    @Column(name = "no_approval_languages")
    public String noApprovalLanguages;

    /** The approval rule this change set, or null when it set none (the seed, a removal). */
    public io.microdrama.localization.domain.ApprovalRule approval() {
        if (approvalRequired == null) {
            return null;
        }
        return PolicyEntryRow.rule(approvalRequired, split(approvalLanguages), split(noApprovalLanguages));
    }

    private static java.util.List<String> split(String tags) {
        return tags == null || tags.isBlank() ? java.util.List.of() : java.util.List.of(tags.split(" "));
    }
}
