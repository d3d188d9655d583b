package io.microdrama.catalog.domain;

import io.microdrama.catalog.persistence.JsonColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A studio's drama: metadata, episodes and licences change together as one aggregate. {@code revision} counts
 * every accepted change (optimistic locking, ETag); {@code dramaVersion} counts publications (what events carry).
 */
@Entity
@Table(name = "drama")
public class Drama {

    @Id
    public UUID id;
    @Column(name = "studio_id")
    public String studioId;
    @Column(name = "external_id")
    public String externalId;
    public String title;
    public String synopsis;
    @Column(name = "original_language")
    public String originalLanguage;
    @Convert(converter = JsonColumns.Strings.class)
    public List<String> genres;
    @Column(name = "pricing_tier")
    public String pricingTier;
    @Convert(converter = JsonColumns.Episodes.class)
    public List<Episode> episodes;
    @Convert(converter = JsonColumns.Licences.class)
    public List<Licence> licences;
    @Enumerated(EnumType.STRING)
    public DramaStatus status;
    @Column(name = "drama_version")
    public long dramaVersion;
    @Version
    public long revision;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Drama draft(String studioId, String externalId) {
        Drama drama = new Drama();
        drama.id = UUID.randomUUID();
        drama.studioId = studioId;
        drama.externalId = externalId;
        drama.status = DramaStatus.DRAFT;
        return drama;
    }

    /** Applies new content; returns false when nothing differs, so an identical upsert writes and emits nothing. */
    public boolean applyContent(DramaContent content, Instant now) {
        if (content.equals(content())) {
            return false;
        }
        title = content.title();
        synopsis = content.synopsis();
        originalLanguage = content.originalLanguage();
        genres = content.genres();
        pricingTier = content.pricingTier();
        episodes = content.episodes();
        licences = content.licences();
        updatedAt = now;
        return true;
    }

    public DramaContent content() {
        return new DramaContent(title, synopsis, originalLanguage, genres, pricingTier, episodes, licences);
    }

    /** Publishing (again) makes the current content the next published version. */
    public void publish(Instant now) {
        if (episodes == null || episodes.isEmpty()) {
            throw new IllegalStateException("A drama without episodes cannot be published");
        }
        dramaVersion++;
        status = DramaStatus.PUBLISHED;
        updatedAt = now;
    }

    public void withdraw(Instant now) {
        dramaVersion++;
        status = DramaStatus.WITHDRAWN;
        updatedAt = now;
    }
}
