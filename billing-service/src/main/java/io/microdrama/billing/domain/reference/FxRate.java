package io.microdrama.billing.domain.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Units of {@code currency} per 1 USD, from a static snapshot taken {@code asOf}. There is no live feed: prices
 * are set from the snapshot and stored as price points, never converted on the fly.
 *
 * <p>Rates are versioned by {@code asOf}: pricing on a date uses the latest rate with {@code asOf} on or before it
 * (see {@link ReferenceData#fxRate(String, java.time.LocalDate)}).
 */
public record FxRate(String currency, BigDecimal unitsPerUsd, LocalDate asOf, String source) {

    public FxRate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(unitsPerUsd, "unitsPerUsd");
        Objects.requireNonNull(asOf, "asOf");
        source = source == null ? "" : source;
        if (unitsPerUsd.signum() <= 0) {
            throw new IllegalArgumentException(currency + ": rate must be positive: " + unitsPerUsd);
        }
    }
}
