package io.microdrama.billing.domain.tier;

import java.time.LocalDate;
import java.util.Objects;

/** A tier's terms in force from {@code effectiveFrom} until the tier's next version; changes are new versions. */
public record PricingTierVersion(LocalDate effectiveFrom, PricingTier tier, String notes) {

    public PricingTierVersion {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(tier, "tier");
        notes = notes == null ? "" : notes;
    }

    public String name() {
        return tier.name();
    }
}
