package io.microdrama.billing.domain.pricepoint;

import io.microdrama.billing.domain.money.Money;
import io.microdrama.billing.domain.reference.ReferenceData;
import io.microdrama.billing.domain.reference.Storefront;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped ladder against a brute-force oracle: list all price points up to a cap by walking the bands,
 * then compare nearest/isValid with a linear scan.
 */
class PricePointRulePropertiesTest {

    private static final ReferenceData DATA = ReferenceData.loadDefault();

    @Provide
    Arbitrary<PricePointRule> rules() {
        return Arbitraries.of(DATA.allStorefrontRows().stream()
                .map(Storefront::currency).distinct().map(DATA::pricePointRule).toList());
    }

    @Property
    void nearestMatchesALinearScanOfAllPoints(@ForAll("rules") PricePointRule rule,
                                              @ForAll @BigRange(min = "0", max = "1") @Scale(6) BigDecimal fraction) {
        BigDecimal target = fraction.multiply(cap(rule));
        BigDecimal expected = null;
        for (BigDecimal point : enumerate(rule)) {
            // Ascending scan, replace only when strictly closer: ties keep the lower point.
            if (expected == null || point.subtract(target).abs().compareTo(expected.subtract(target).abs()) < 0) {
                expected = point;
            }
        }
        assertThat(rule.nearest(target).amount()).isEqualByComparingTo(expected);
    }

    @Property
    void nearestIsAValidPointAndMonotonic(@ForAll("rules") PricePointRule rule,
                                          @ForAll @BigRange(min = "0", max = "1") @Scale(6) BigDecimal a,
                                          @ForAll @BigRange(min = "0", max = "1") @Scale(6) BigDecimal b) {
        BigDecimal low = a.min(b).multiply(cap(rule));
        BigDecimal high = a.max(b).multiply(cap(rule));
        Money nearLow = rule.nearest(low);
        Money nearHigh = rule.nearest(high);

        assertThat(rule.isValid(nearLow)).isTrue();
        assertThat(nearLow).isLessThanOrEqualTo(nearHigh);
    }

    @Example
    void isValidAcceptsExactlyTheEnumeratedPoints() {
        for (PricePointRule rule : rules().allValues().orElseThrow().toList()) {
            List<BigDecimal> points = enumerate(rule);
            BigDecimal minorUnit = BigDecimal.ONE.movePointLeft(rule.currency().minorUnits());
            for (int i = 0; i < points.size(); i++) {
                assertThat(rule.isValid(Money.of(points.get(i), rule.currency()))).as(rule + " " + points.get(i)).isTrue();
                BigDecimal justAbove = points.get(i).add(minorUnit);
                if (i + 1 < points.size() && justAbove.compareTo(points.get(i + 1)) < 0) {
                    assertThat(rule.isValid(Money.of(justAbove, rule.currency()))).as(rule + " " + justAbove).isFalse();
                }
            }
            BigDecimal belowLowest = points.get(0).subtract(minorUnit);
            if (belowLowest.signum() >= 0) {
                assertThat(rule.isValid(Money.of(belowLowest, rule.currency()))).isFalse();
            }
        }
    }

    /** Twice the start of the last band: covers every band and the open end, and keeps the enumeration small. */
    private static BigDecimal cap(PricePointRule rule) {
        return rule.bands().get(rule.bands().size() - 1).from().multiply(BigDecimal.valueOf(2));
    }

    /** All points up to cap + two largest steps (so the point above any target ≤ cap is included). */
    private static List<BigDecimal> enumerate(PricePointRule rule) {
        List<PricePointBand> bands = rule.bands();
        BigDecimal limit = cap(rule).add(bands.get(bands.size() - 1).step().multiply(BigDecimal.valueOf(2)));
        List<BigDecimal> points = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            PricePointBand band = bands.get(i);
            BigDecimal upper = i + 1 < bands.size() ? bands.get(i + 1).from() : limit;
            BigDecimal point = band.ending();
            while (point.compareTo(band.from()) < 0) {
                point = point.add(band.step());
            }
            for (; point.compareTo(upper) < 0; point = point.add(band.step())) {
                points.add(point);
            }
        }
        return points;
    }
}
