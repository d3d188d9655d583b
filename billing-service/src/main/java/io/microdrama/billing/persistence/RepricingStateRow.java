package io.microdrama.billing.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The one re-pricing sweep: what it prices against and how far it got (see V3__repricing.sql). */
@Entity
@Table(name = "repricing_state")
public class RepricingStateRow {

    @Id
    public short id;
    @Column(name = "target_revision")
    public long targetRevision;
    @Column(name = "target_date")
    public LocalDate targetDate;
    @Column(name = "cursor_drama")
    public UUID cursorDrama;
    public boolean completed;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    public long checked;
    public long repriced;
}
