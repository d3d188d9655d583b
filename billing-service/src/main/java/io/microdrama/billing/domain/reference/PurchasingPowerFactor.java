package io.microdrama.billing.domain.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A pricing-policy multiplier for one region from {@code effectiveFrom} on (until the region's next version): the
 * equalizer multiplies the FX-converted anchor by it. A region without any version in force uses 1.
 */
public record PurchasingPowerFactor(String region, LocalDate effectiveFrom, BigDecimal factor, String note) {

    public PurchasingPowerFactor {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(factor, "factor");
        note = note == null ? "" : note;
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException(region + ": purchasing-power factor must be positive: " + factor);
        }
    }
}
