package io.microdrama.catalog.domain;

import io.microdrama.contracts.EventLane;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A studio's drama: metadata, episodes and licences change together as one aggregate. {@code revision} counts
 * every accepted change (optimistic locking, ETag); {@code dramaVersion} counts publications (what events carry).
 * Plain Java: {@code persistence} maps it to its table, and gives it the {@link ContentFingerprint} it stores.
 */
public class Drama {

    public UUID id;
    public String studioId;
    public String externalId;
    public String title;
    public String synopsis;
    public String originalLanguage;
    public List<String> genres;
    public List<String> tags;
    public String coverImageUri;
    public Map<String, LocalizedText> localizations;
    public List<AgeRating> ageRatings;
    public String pricingTier;
    public List<Episode> episodes;
    public List<Licence> licences;
    /** Kept beside the episodes so list reads (storefront) need not parse them. */
    public int episodeCount;
    /** How many episodes the last published version had: removing published episodes needs a re-publish. */
    public int publishedEpisodes;
    public Instant publishedAt;
    /** Fingerprint of the content last published, to tell a retried publish from a publish of new content. */
    public String publishedFingerprint;
    public DramaStatus status;
    public long dramaVersion;
    /** The topic all its events take, chosen at its first event ({@link PublicationLanes}); null before. */
    public EventLane eventLane;
    /** Set by the store on every accepted change; read here only (ETag, If-Match). */
    public long revision;
    public Instant updatedAt;

    private final ContentFingerprint fingerprint;

    public Drama(ContentFingerprint fingerprint) {
        this.fingerprint = Objects.requireNonNull(fingerprint);
    }

    public static Drama draft(String studioId, String externalId, ContentFingerprint fingerprint) {
        Drama drama = new Drama(fingerprint);
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
        return status == DramaStatus.PUBLISHED && fingerprint.of(content()).equals(publishedFingerprint);
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
        publishedFingerprint = fingerprint.of(content());
        updatedAt = now;
    }

    /** Only a published drama can be withdrawn; withdrawing is a new version (events carry it). */
    public void withdraw(Instant now) {
        if (status != DramaStatus.PUBLISHED) {
            throw CatalogException.conflict("Only a published drama can be withdrawn (it is " + status + ")");
        }
        dramaVersion++;
        status = DramaStatus.WITHDRAWN;
        updatedAt = now;
    }
}
