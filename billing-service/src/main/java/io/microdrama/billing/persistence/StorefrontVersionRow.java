package io.microdrama.billing.persistence;

import io.microdrama.billing.domain.money.CurrencyUnit;
import io.microdrama.billing.domain.reference.Storefront;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A storefront version added by an admin (insert-only). */
@Entity
@Table(name = "storefront_version")
public class StorefrontVersionRow {

    @EmbeddedId
    public Key key;
    public String name;
    public String currency;
    @Column(name = "minor_units")
    public int minorUnits;
    @Column(name = "cash_increment")
    public BigDecimal cashIncrement;
    @Column(name = "price_ladder")
    public String priceLadder;
    @Column(name = "tax_inclusive_display")
    public boolean taxInclusiveDisplay;
    @Column(name = "tax_rate")
    public BigDecimal taxRate;
    @Column(name = "tax_rate_checked")
    public boolean taxRateChecked;
    public String notes;
    public String source;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Embeddable
    public record Key(String region, @Column(name = "effective_from") LocalDate effectiveFrom) implements Serializable {
    }

    public static StorefrontVersionRow of(Storefront storefront, String recordedBy, Instant recordedAt) {
        StorefrontVersionRow row = new StorefrontVersionRow();
        row.key = new Key(storefront.region(), storefront.effectiveFrom());
        row.name = storefront.name();
        row.currency = storefront.currency().code();
        row.minorUnits = storefront.currency().minorUnits();
        row.cashIncrement = storefront.cashIncrement().orElse(null);
        row.priceLadder = storefront.priceLadder();
        row.taxInclusiveDisplay = storefront.taxInclusiveDisplay();
        row.taxRate = storefront.taxRate();
        row.taxRateChecked = storefront.taxRateChecked();
        row.notes = storefront.notes();
        row.source = storefront.source();
        row.recordedBy = recordedBy;
        row.recordedAt = recordedAt;
        return row;
    }

    public Storefront toDomain() {
        return new Storefront(key.region(), name, key.effectiveFrom(), new CurrencyUnit(currency, minorUnits),
                Optional.ofNullable(cashIncrement), priceLadder, taxInclusiveDisplay, taxRate, taxRateChecked, notes, source);
    }
}
