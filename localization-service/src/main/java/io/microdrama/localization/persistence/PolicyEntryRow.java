package io.microdrama.localization.persistence;

import io.microdrama.localization.domain.ApprovalRule;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/** One region's entry of the current language policy. */
@Entity
@Table(name = "language_policy")
public class PolicyEntryRow {

    @Id
    public String region;
    @Convert(converter = StringListColumn.class)
    public List<String> languages;
    /** The policy version that last set this entry. */
    public long version;
    /** The approval rule: the default for the entry's languages, and the languages that differ from it. */
    @Column(name = "approval_required")
    public boolean approvalRequired;
    @Convert(converter = StringListColumn.class)
    @Column(name = "approval_languages")
    public List<String> approvalLanguages = List.of();
    @Convert(converter = StringListColumn.class)
    @Column(name = "no_approval_languages")
    public List<String> noApprovalLanguages = List.of();

    public static PolicyEntryRow of(String region, List<String> languages, long version) {
        return of(region, languages, ApprovalRule.NONE, version);
    }

    public static PolicyEntryRow of(String region, List<String> languages, ApprovalRule approval, long version) {
        PolicyEntryRow row = new PolicyEntryRow();
        row.region = region;
        row.version = version;
        row.set(languages, approval);
        return row;
    }

    public void set(List<String> languages, ApprovalRule approval) {
        this.languages = List.copyOf(languages);
        approvalRequired = approval.required();
        approvalLanguages = exceptions(approval, true);
        noApprovalLanguages = exceptions(approval, false);
    }

    public ApprovalRule approval() {
        return rule(approvalRequired, approvalLanguages, noApprovalLanguages);
    }

    static List<String> exceptions(ApprovalRule approval, boolean required) {
        return approval.sortedByLanguage().entrySet().stream().filter(entry -> entry.getValue() == required)
                .map(java.util.Map.Entry::getKey).toList();
    }

    static ApprovalRule rule(boolean required, List<String> approval, List<String> noApproval) {
        java.util.Map<String, Boolean> byLanguage = new java.util.HashMap<>();
        approval.forEach(language -> byLanguage.put(language, true));
        noApproval.forEach(language -> byLanguage.put(language, false));
        return new ApprovalRule(required, byLanguage);
    }
}
