package io.microdrama.billing.persistence;

import io.microdrama.billing.domain.reference.FxRate;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An FX snapshot rate added by an admin (insert-only). */
@Entity
@Table(name = "fx_rate_version")
public class FxRateVersionRow {

    @EmbeddedId
    public Key key;
    @Column(name = "units_per_usd")
    public BigDecimal unitsPerUsd;
    public String source;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Embeddable
    public record Key(String currency, @Column(name = "as_of") LocalDate asOf) implements Serializable {
    }

    public static FxRateVersionRow of(FxRate rate, String recordedBy, Instant recordedAt) {
        FxRateVersionRow row = new FxRateVersionRow();
        row.key = new Key(rate.currency(), rate.asOf());
        row.unitsPerUsd = rate.unitsPerUsd();
        row.source = rate.source();
        row.recordedBy = recordedBy;
        row.recordedAt = recordedAt;
        return row;
    }

    public FxRate toDomain() {
        return new FxRate(key.currency(), unitsPerUsd, key.asOf(), source);
    }
}
