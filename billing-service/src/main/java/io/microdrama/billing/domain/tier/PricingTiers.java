package io.microdrama.billing.domain.tier;

import io.microdrama.billing.domain.reference.CsvRow;
import io.microdrama.billing.domain.reference.ReferenceDataException;
import io.microdrama.billing.domain.reference.ReferenceSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pricing tiers studios can choose ({@code reference/tiers.csv}), looked up by name. */
public final class PricingTiers {

    static final String TIERS = "tiers.csv";

    private final Map<String, PricingTier> byName;

    public PricingTiers(List<PricingTier> tiers) {
        Map<String, PricingTier> map = new LinkedHashMap<>();
        for (PricingTier tier : tiers) {
            if (map.put(tier.name(), tier) != null) {
                throw new IllegalArgumentException("tier listed twice: " + tier.name());
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    public static PricingTiers load(ReferenceSource source) {
        List<PricingTier> tiers = new ArrayList<>();
        for (CsvRow row : source.table(TIERS, "tier", "free_episodes", "coins_per_episode", "series_discount_percent").rows()) {
            try {
                tiers.add(new PricingTier(row.text("tier"), row.integer("free_episodes"),
                        row.integer("coins_per_episode"), row.optionalDecimal("series_discount_percent")));
            } catch (IllegalArgumentException e) {
                throw row.error("*", e.getMessage());
            }
        }
        try {
            return new PricingTiers(tiers);
        } catch (IllegalArgumentException e) {
            throw new ReferenceDataException(TIERS + ": " + e.getMessage(), e);
        }
    }

    public Optional<PricingTier> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public PricingTier get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown pricing tier: " + name));
    }

    public List<PricingTier> all() {
        return List.copyOf(byName.values());
    }
}
