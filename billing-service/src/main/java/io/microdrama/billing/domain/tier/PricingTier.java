package io.microdrama.billing.domain.tier;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How a drama is monetized: the first {@code freeEpisodes} are free, every further episode costs
 * {@code coinsPerEpisode}, and unlocking the whole series at once may be discounted.
 *
 * @param seriesDiscountPercent percent off the paid episodes when bought as a whole series (e.g. 15 or 12.5)
 */
public record PricingTier(String name, int freeEpisodes, long coinsPerEpisode, Optional<BigDecimal> seriesDiscountPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PricingTier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(seriesDiscountPercent, "seriesDiscountPercent");
        if (freeEpisodes < 0) {
            throw new IllegalArgumentException(name + ": free episodes must not be negative");
        }
        if (coinsPerEpisode <= 0) {
            throw new IllegalArgumentException(name + ": coins per episode must be positive");
        }
        seriesDiscountPercent.ifPresent(percent -> {
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0) {
                throw new IllegalArgumentException(name + ": series discount must be in [0, 100): " + percent);
            }
        });
    }
}
