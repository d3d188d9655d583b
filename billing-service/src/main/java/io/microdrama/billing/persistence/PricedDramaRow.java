package io.microdrama.billing.persistence;

import io.microdrama.contracts.EventLane;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * What billing knows of a drama: the latest catalog version applied and what pricing needs from it. Writers of the
 * drama's prices lock this row first (handler and ops overrides never interleave for one drama).
 */
@Entity
@Table(name = "priced_drama")
public class PricedDramaRow {

    @Id
    @Column(name = "drama_id")
    public UUID dramaId;
    @Column(name = "studio_id")
    public String studioId;
    /** The latest published or withdrawn version applied; older events change nothing. */
    @Column(name = "drama_version")
    public long dramaVersion;
    /** Null only for a drama whose withdrawal arrived before any publication. */
    @Column(name = "pricing_tier")
    public String pricingTier;
    @Column(name = "episode_count")
    public int episodeCount;
    public boolean withdrawn;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** The lane of the catalog topic this drama was first heard of on; its price announcements take the same one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "answer_lane")
    public EventLane answerLane;
}
