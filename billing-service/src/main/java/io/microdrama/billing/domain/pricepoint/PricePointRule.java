package io.microdrama.billing.domain.pricepoint;

import io.microdrama.billing.domain.money.CurrencyUnit;
import io.microdrama.billing.domain.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The allowed local prices ("price points") of one currency, in the spirit of the app stores' price tiers:
 * a ladder of {@link PricePointBand}s, each with its own step and ending (e.g. x.99 below 10, whole .99 above).
 *
 * <p>Table-driven on purpose: ladders are data ({@code reference/price_points.csv}) shared by several currencies,
 * so adding a currency is a data change, not a class.
 */
public final class PricePointRule {

    private final CurrencyUnit currency;
    private final String ladder;
    private final List<PricePointBand> bands;

    /**
     * @param bands ordered by strictly increasing {@code from}; each band ends where the next begins and the last is
     *              open-ended. Steps must not shrink as prices grow (a coarser grid at low prices would make the
     *              relative rounding error explode where it hurts most, and would break the documented band).
     */
    public PricePointRule(CurrencyUnit currency, String ladder, List<PricePointBand> bands) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.ladder = Objects.requireNonNull(ladder, "ladder");
        this.bands = List.copyOf(bands);
        validate();
    }

    public CurrencyUnit currency() {
        return currency;
    }

    public String ladder() {
        return ladder;
    }

    public List<PricePointBand> bands() {
        return bands;
    }

    /** The cheapest price point: prices below it are not offered (like the stores' minimum tier). */
    public Money lowest() {
        return money(firstPointOf(0).orElseThrow());
    }

    /**
     * The price point closest to {@code target} (major units). Ties go to the LOWER point: when both are equally
     * far, the customer-friendly choice costs us at most half a step. Targets below the lowest point get the lowest.
     */
    public Money nearest(BigDecimal target) {
        Money above = ceiling(target);
        Optional<Money> below = floor(target);
        if (below.isEmpty()) {
            return above;
        }
        BigDecimal distanceBelow = target.subtract(below.get().amount());
        BigDecimal distanceAbove = above.amount().subtract(target);
        return distanceBelow.compareTo(distanceAbove) <= 0 ? below.get() : above;
    }

    /** The largest price point ≤ target, if any (none below the lowest point). */
    public Optional<Money> floor(BigDecimal target) {
        Objects.requireNonNull(target, "target");
        for (int i = bands.size() - 1; i >= 0; i--) {
            PricePointBand band = bands.get(i);
            if (band.from().compareTo(target) > 0) {
                continue;
            }
            BigDecimal upper = upperOf(i);
            BigDecimal candidate = upper != null && target.compareTo(upper) >= 0
                    ? band.gridPointBelow(upper)
                    : band.gridPointAtOrBelow(target);
            if (candidate.compareTo(band.from()) >= 0) {
                return Optional.of(money(candidate));
            }
        }
        return Optional.empty();
    }

    /** The smallest price point ≥ target; always exists because the last band is open-ended. */
    public Money ceiling(BigDecimal target) {
        Objects.requireNonNull(target, "target");
        for (int i = 0; i < bands.size(); i++) {
            BigDecimal upper = upperOf(i);
            if (upper != null && upper.compareTo(target) <= 0) {
                continue;
            }
            PricePointBand band = bands.get(i);
            BigDecimal candidate = band.gridPointAtOrAbove(target.max(band.from()));
            if (upper == null || candidate.compareTo(upper) < 0) {
                return money(candidate);
            }
        }
        throw new IllegalStateException("unreachable: the last band is open-ended");
    }

    /** True if the amount is in this rule's currency and is one of its price points. */
    public boolean isValid(Money price) {
        if (!price.currency().equals(currency)) {
            return false;
        }
        BigDecimal amount = price.amount();
        int index = bandIndexOf(amount);
        return index >= 0 && bands.get(index).onGrid(amount);
    }

    /** The step of the band that contains {@code amount} (the first band's step below the ladder). */
    public BigDecimal stepAt(BigDecimal amount) {
        return bands.get(Math.max(0, bandIndexOf(amount))).step();
    }

    /** True if every price point is a whole multiple of {@code increment} (e.g. CHF cash rounding 0.05). */
    public boolean allPointsAreMultiplesOf(BigDecimal increment) {
        return bands.stream().allMatch(band ->
                band.step().remainder(increment).signum() == 0 && band.ending().remainder(increment).signum() == 0);
    }

    @Override
    public String toString() {
        return "PricePointRule[" + currency.code() + " " + ladder + "]";
    }

    private int bandIndexOf(BigDecimal amount) {
        for (int i = bands.size() - 1; i >= 0; i--) {
            if (bands.get(i).from().compareTo(amount) <= 0) {
                return i;
            }
        }
        return -1;
    }

    private BigDecimal upperOf(int index) {
        return index + 1 < bands.size() ? bands.get(index + 1).from() : null;
    }

    private Optional<BigDecimal> firstPointOf(int index) {
        PricePointBand band = bands.get(index);
        BigDecimal first = band.gridPointAtOrAbove(band.from());
        BigDecimal upper = upperOf(index);
        return upper == null || first.compareTo(upper) < 0 ? Optional.of(first) : Optional.empty();
    }

    private Money money(BigDecimal amount) {
        return Money.of(amount, currency);
    }

    private void validate() {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException(this + ": a ladder needs at least one band");
        }
        for (int i = 0; i < bands.size(); i++) {
            PricePointBand band = bands.get(i);
            if (band.step().stripTrailingZeros().scale() > currency.minorUnits()
                    || band.ending().stripTrailingZeros().scale() > currency.minorUnits()) {
                throw new IllegalArgumentException(this + ": band " + band + " is finer than "
                        + currency.minorUnits() + " minor-unit digits");
            }
            if (i > 0 && band.from().compareTo(bands.get(i - 1).from()) <= 0) {
                throw new IllegalArgumentException(this + ": bands must start at increasing amounts");
            }
            if (i > 0 && band.step().compareTo(bands.get(i - 1).step()) < 0) {
                throw new IllegalArgumentException(this + ": steps must not shrink as prices grow");
            }
        }
        for (int i = 0; i < bands.size(); i++) {
            if (firstPointOf(i).isEmpty()) {
                throw new IllegalArgumentException(this + ": band " + bands.get(i) + " contains no price point");
            }
        }
    }
}
