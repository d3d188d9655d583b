package io.microdrama.catalog.persistence;

import io.microdrama.catalog.domain.AgeRating;
import io.microdrama.catalog.domain.Drama;
import io.microdrama.catalog.domain.DramaStatus;
import io.microdrama.catalog.domain.Episode;
import io.microdrama.contracts.EventLane;
import io.microdrama.catalog.domain.Licence;
import io.microdrama.catalog.domain.LocalizedText;
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
import java.util.Map;
import java.util.UUID;

/**
 * The {@code drama} table. The rules live in the plain {@link Drama}; this class only maps it. {@code revision} is
 * the JPA version: Hibernate increments it on every update and refuses a write over a concurrent one.
 */
@Entity(name = "Drama")
@Table(name = "drama")
public class DramaEntity {

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
    @Convert(converter = JsonColumns.Strings.class)
    public List<String> tags;
    @Column(name = "cover_image_uri")
    public String coverImageUri;
    @Convert(converter = JsonColumns.Localizations.class)
    public Map<String, LocalizedText> localizations;
    @Convert(converter = JsonColumns.AgeRatings.class)
    @Column(name = "age_ratings")
    public List<AgeRating> ageRatings;
    @Column(name = "pricing_tier")
    public String pricingTier;
    @Convert(converter = JsonColumns.Episodes.class)
    public List<Episode> episodes;
    @Convert(converter = JsonColumns.Licences.class)
    public List<Licence> licences;
    @Column(name = "episode_count")
    public int episodeCount;
    @Column(name = "published_episodes")
    public int publishedEpisodes;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_fingerprint")
    public String publishedFingerprint;
    @Enumerated(EnumType.STRING)
    public DramaStatus status;
    @Column(name = "drama_version")
    public long dramaVersion;
    @Enumerated(EnumType.STRING)
    @Column(name = "event_lane")
    public EventLane eventLane;
    @Version
    public long revision;
    @Column(name = "updated_at")
    public Instant updatedAt;

    Drama toDomain() {
        Drama drama = new Drama(JsonColumns.FINGERPRINT);
        drama.id = id;
        drama.studioId = studioId;
        drama.externalId = externalId;
        drama.title = title;
        drama.synopsis = synopsis;
        drama.originalLanguage = originalLanguage;
        drama.genres = genres;
        drama.tags = tags;
        drama.coverImageUri = coverImageUri;
        drama.localizations = localizations;
        drama.ageRatings = ageRatings;
        drama.pricingTier = pricingTier;
        drama.episodes = episodes;
        drama.licences = licences;
        drama.episodeCount = episodeCount;
        drama.publishedEpisodes = publishedEpisodes;
        drama.publishedAt = publishedAt;
        drama.publishedFingerprint = publishedFingerprint;
        drama.status = status;
        drama.dramaVersion = dramaVersion;
        drama.eventLane = eventLane;
        drama.revision = revision;
        drama.updatedAt = updatedAt;
        return drama;
    }

    /** Everything but {@code revision}, which only Hibernate writes. */
    DramaEntity copy(Drama drama) {
        id = drama.id;
        studioId = drama.studioId;
        externalId = drama.externalId;
        title = drama.title;
        synopsis = drama.synopsis;
        originalLanguage = drama.originalLanguage;
        genres = drama.genres;
        tags = drama.tags;
        coverImageUri = drama.coverImageUri;
        localizations = drama.localizations;
        ageRatings = drama.ageRatings;
        pricingTier = drama.pricingTier;
        episodes = drama.episodes;
        licences = drama.licences;
        episodeCount = drama.episodeCount;
        publishedEpisodes = drama.publishedEpisodes;
        publishedAt = drama.publishedAt;
        publishedFingerprint = drama.publishedFingerprint;
        status = drama.status;
        dramaVersion = drama.dramaVersion;
        eventLane = drama.eventLane;
        updatedAt = drama.updatedAt;
        return this;
    }
}
