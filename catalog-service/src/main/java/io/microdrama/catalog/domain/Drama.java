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
import java.util.Map;
import java.util.Optional;
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
    /** Kept beside the episodes so list reads (storefront) need not parse them. */
    @Column(name = "episode_count")
    public int episodeCount;
    /** How many episodes the last published version had: removing published episodes needs a re-publish. */
    @Column(name = "published_episodes")
    public int publishedEpisodes;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** Fingerprint of the content last published, to tell a retried publish from a publish of new content. */
    @Column(name = "published_fingerprint")
    public String publishedFingerprint;
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
        tags = content.tags();
        coverImageUri = content.coverImageUri();
        localizations = content.localizations();
        ageRatings = content.ageRatings();
        pricingTier = content.pricingTier();
        episodes = content.episodes();
        licences = content.licences();
        episodeCount = episodes.size();
        updatedAt = now;
        return true;
    }

    public DramaContent content() {
        return new DramaContent(title, synopsis, originalLanguage, genres, tags, coverImageUri, localizations, ageRatings,
                pricingTier, episodes, licences);
    }

    public boolean isPublishedAsIs() {
        return status == DramaStatus.PUBLISHED && JsonColumns.fingerprint(content()).equals(publishedFingerprint);
    }

    /** Published once, not withdrawn, and the stored content differs from what viewers get. */
    public boolean hasUnpublishedChanges() {
        return dramaVersion > 0 && status != DramaStatus.WITHDRAWN && !isPublishedAsIs();
    }

    /** True when this content would take episodes away from viewers of the published version. */
    public boolean removesPublishedEpisodes(DramaContent content) {
        return status == DramaStatus.PUBLISHED && content.episodes().size() < publishedEpisodes;
    }

    public Optional<AgeRating> ageRatingIn(String region) {
        return ageRatings == null ? Optional.empty()
                : ageRatings.stream().filter(rating -> rating.region().equals(region)).findFirst();
    }

    /** Publishing (again) makes the current content the next published version. */
    public void publish(Instant now) {
        if (episodes == null || episodes.isEmpty()) {
            throw new IllegalStateException("A drama without episodes cannot be published");
        }
        dramaVersion++;
        status = DramaStatus.PUBLISHED;
        publishedEpisodes = episodes.size();
        publishedAt = now;
        publishedFingerprint = JsonColumns.fingerprint(content());
        updatedAt = now;
    }

    public void withdraw(Instant now) {
        dramaVersion++;
        status = DramaStatus.WITHDRAWN;
        updatedAt = now;
    }
}
