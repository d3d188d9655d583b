package io.microdrama.billing.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry of the append-only price history of a (drama, region); see {@code PricingAuditAction}. */
@Entity
@Table(name = "pricing_audit")
public class PricingAuditRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "drama_id")
    public UUID dramaId;
    public String region;
    public String action;
    @Column(name = "drama_version")
    public long dramaVersion;
    public String source;
    @Column(name = "coins_per_episode")
    public Integer coinsPerEpisode;
    @Column(name = "free_episodes")
    public Integer freeEpisodes;
    @Column(name = "series_coins")
    public Integer seriesCoins;
    public String currency;
    @Column(name = "amount_minor")
    public Long amountMinor;
    @Column(name = "minor_units")
    public Integer minorUnits;
    public String reason;
    public String actor;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
