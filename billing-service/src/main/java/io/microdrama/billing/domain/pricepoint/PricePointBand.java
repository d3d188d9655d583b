package io.microdrama.billing.domain.pricepoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One row of a price ladder: from {@code from} (inclusive, major units) up to the next band's {@code from}
 * (exclusive), the allowed prices are {@code ending + k × step} for whole k.
 *
 * <p>Examples: step 0.10 ending 0.09 gives 0.29, 0.39 … 9.99; step 1 ending 0.99 gives 10.99, 11.99 …;
 * step 10 ending 9 gives 9, 19, 29 …; step 10 ending 0 gives 10, 20, 30 ….
 */
public record PricePointBand(BigDecimal from, BigDecimal step, BigDecimal ending) {

    public PricePointBand {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(ending, "ending");
        if (from.signum() < 0) {
            throw new IllegalArgumentException("band start must not be negative: " + from);
        }
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        if (ending.signum() < 0 || ending.compareTo(step) >= 0) {
            throw new IllegalArgumentException("ending must be in [0, step): ending " + ending + ", step " + step);
        }
    }

    /** True if {@code amount} lies on this band's grid (ignores the band's range). */
    boolean onGrid(BigDecimal amount) {
        return amount.subtract(ending).remainder(step).signum() == 0;
    }

    /** Largest grid point ≤ limit (may lie below {@code from}). */
    BigDecimal gridPointAtOrBelow(BigDecimal limit) {
        return ending.add(step.multiply(limit.subtract(ending).divide(step, 0, RoundingMode.FLOOR)));
    }

    /** Smallest grid point ≥ limit. */
    BigDecimal gridPointAtOrAbove(BigDecimal limit) {
        return ending.add(step.multiply(limit.subtract(ending).divide(step, 0, RoundingMode.CEILING)));
    }

    /** Largest grid point strictly below {@code limit}. */
    BigDecimal gridPointBelow(BigDecimal limit) {
        BigDecimal atOrAbove = gridPointAtOrAbove(limit);
        return atOrAbove.subtract(step);
    }
}
