package io.microdrama.billing.persistence;

import io.microdrama.billing.domain.reference.PurchasingPowerFactor;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A purchasing-power factor version added by an admin (insert-only). */
@Entity
@Table(name = "ppp_factor_version")
public class PppFactorVersionRow {

    @EmbeddedId
    public Key key;
    public BigDecimal factor;
    public String note;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Embeddable
    public record Key(String region, @Column(name = "effective_from") LocalDate effectiveFrom) implements Serializable {
    }

    public static PppFactorVersionRow of(PurchasingPowerFactor factor, String recordedBy, Instant recordedAt) {
        PppFactorVersionRow row = new PppFactorVersionRow();
        row.key = new Key(factor.region(), factor.effectiveFrom());
        row.factor = factor.factor();
        row.note = factor.note();
        row.recordedBy = recordedBy;
        row.recordedAt = recordedAt;
        return row;
    }

    public PurchasingPowerFactor toDomain() {
        return new PurchasingPowerFactor(key.region(), key.effectiveFrom(), factor, note);
    }
}
