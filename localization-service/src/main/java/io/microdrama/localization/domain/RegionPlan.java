package io.microdrama.localization.domain;

import io.microdrama.localization.persistence.StringListColumn;
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

/** The localization plan of one (drama, region) for the latest drama version seen. */
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
        return plan;
    }

    /**
     * Re-plans for a drama version. Subtitle tracks are not yet counted here, so every required language is
     * missing until accepted tracks cover every episode (subtitle ingest builds on this).
     */
    public void planFor(long version, String studio, String original, int episodes, List<String> required, Instant now) {
        dramaVersion = version;
        studioId = studio;
        originalLanguage = original;
        episodeCount = episodes;
        requiredLanguages = List.copyOf(required);
        missingLanguages = List.copyOf(required);
        ready = missingLanguages.isEmpty();
        closed = false;
        updatedAt = now;
    }
}
