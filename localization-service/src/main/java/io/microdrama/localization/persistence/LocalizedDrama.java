package io.microdrama.localization.persistence;

import io.microdrama.contracts.EventLane;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.localization.domain.DramaSummary;
import io.microdrama.localization.domain.EpisodeSpan;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What localization keeps of catalog's latest {@code drama.published} snapshot: who owns the drama, how the
 * studio names it, its original language and its episodes with their lengths.
 */
@Entity
@Table(name = "drama")
public class LocalizedDrama {

    @Id
    public UUID id;
    @Column(name = "studio_id")
    public String studioId;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "original_language")
    public String originalLanguage;
    @Column(name = "drama_version")
    public long dramaVersion;
    @Convert(converter = JsonColumns.Episodes.class)
    public List<EpisodeSpan> episodes;
    public boolean withdrawn;
    @Column(name = "withdrawn_version")
    public Long withdrawnVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The lane of the catalog topic this drama was first heard of on; its readiness answers take the same one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "answer_lane")
    public EventLane answerLane;

    public static LocalizedDrama of(UUID id, EventLane lane) {
        LocalizedDrama drama = new LocalizedDrama();
        drama.id = id;
        drama.answerLane = lane;
        return drama;
    }

    /** Whether a published snapshot of this version is older than what is known (a late or replayed event). */
    public boolean isStale(long version) {
        return version < dramaVersion || (withdrawnVersion != null && version <= withdrawnVersion);
    }

    public void apply(DramaPublished published, Instant now) {
        studioId = published.studioId();
        externalId = published.externalId();
        originalLanguage = published.originalLanguage();
        dramaVersion = published.dramaVersion();
        episodes = published.episodes().stream()
                .map(episode -> new EpisodeSpan(episode.number(), episode.durationSeconds() * 1000L))
                .sorted(java.util.Comparator.comparingInt(EpisodeSpan::number))
                .toList();
        withdrawn = false;
        updatedAt = now;
    }

    public void withdraw(long version, Instant now) {
        withdrawn = true;
        withdrawnVersion = version;
        updatedAt = now;
    }

    public Optional<EpisodeSpan> episode(int number) {
        return episodes.stream().filter(episode -> episode.number() == number).findFirst();
    }

    /** Every episode by its number: one pass, for work over many episodes at once (a bulk upload). */
    public java.util.Map<Integer, EpisodeSpan> episodesByNumber() {
        java.util.Map<Integer, EpisodeSpan> byNumber = new java.util.HashMap<>();
        episodes.forEach(episode -> byNumber.put(episode.number(), episode));
        return byNumber;
    }

    public DramaSummary summary() {
        return new DramaSummary(id, studioId, externalId, episodes.size());
    }

    public List<Integer> episodeNumbers() {
        return episodes.stream().map(EpisodeSpan::number).toList();
    }
}
