package io.microdrama.localization.persistence;

import io.microdrama.localization.domain.PlanStatus;
import io.microdrama.localization.domain.Readiness;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The localization plan of one (drama, region) for the latest drama version seen. Its readiness columns hold what
 * was last emitted for it, so a recomputation that changes nothing emits nothing.
 */
@Entity
@Table(name = "region_plan")
public class RegionPlan {

    @EmbeddedId
    public Key key;
    @Column(name = "drama_version")
    public long dramaVersion;
    @Column(name = "studio_id")
    public String studioId;
    @Column(name = "original_language")
    public String originalLanguage;
    @Column(name = "episode_count")
    public int episodeCount;
    @Convert(converter = StringListColumn.class)
    @Column(name = "required_languages")
    public List<String> requiredLanguages;
    @Convert(converter = StringListColumn.class)
    @Column(name = "missing_languages")
    public List<String> missingLanguages;
    @Convert(converter = StringListColumn.class)
    @Column(name = "available_languages")
    public List<String> availableLanguages;
    /** Required languages whose tracks count only once approved (the policy's answer when last planned). */
    @Convert(converter = StringListColumn.class)
    @Column(name = "approval_languages")
    public List<String> approvalLanguages;
    public boolean ready;
    public boolean closed;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "drama_id") UUID dramaId, String region) implements Serializable {
    }

    public static RegionPlan of(UUID dramaId, String region) {
        RegionPlan plan = new RegionPlan();
        plan.key = new Key(dramaId, region);
        plan.requiredLanguages = List.of();
        plan.missingLanguages = List.of();
        plan.availableLanguages = List.of();
        plan.approvalLanguages = List.of();
        return plan;
    }

    /**
     * Plans the region for a (possibly new) drama version and applies the readiness computed for it. Returns true
     * when catalog must hear about it: always for a new version or a reopened plan (catalog needs an answer per
     * version), otherwise only when required, missing or available languages or readiness changed.
     */
    public boolean planFor(long version, String studio, String original, int episodes, Readiness readiness, Instant now) {
        boolean newVersion = dramaVersion != version || closed || studioId == null;
        dramaVersion = version;
        studioId = studio;
        originalLanguage = original;
        episodeCount = episodes;
        closed = false;
        return apply(readiness, now) || newVersion;
    }

    /**
     * Applies a recomputed readiness for the same drama version; true when it differs from what was emitted. Which
     * languages need approval is kept but not announced: it changes the answer only through missing languages.
     */
    public boolean apply(Readiness readiness, Instant now) {
        boolean changed = !readiness.requiredLanguages().equals(requiredLanguages)
                || !readiness.missingLanguages().equals(missingLanguages)
                || !readiness.availableLanguages().equals(availableLanguages)
                || readiness.ready() != ready;
        requiredLanguages = readiness.requiredLanguages();
        missingLanguages = readiness.missingLanguages();
        availableLanguages = readiness.availableLanguages();
        approvalLanguages = readiness.approvalLanguages();
        ready = readiness.ready();
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    public PlanStatus status() {
        return new PlanStatus(key.region(), studioId, dramaVersion, requiredLanguages, missingLanguages, availableLanguages,
                approvalLanguages, ready, closed);
    }

    /** No longer planned (drama withdrawn, or the region is no longer licensed): nothing more is emitted for it. */
    public void close(Instant now) {
        if (!closed) {
            closed = true;
            updatedAt = now;
        }
    }
}
