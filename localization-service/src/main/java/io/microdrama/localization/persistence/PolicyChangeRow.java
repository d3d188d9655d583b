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
}
