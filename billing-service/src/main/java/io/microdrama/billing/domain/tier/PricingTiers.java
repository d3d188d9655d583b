package io.microdrama.billing.domain.tier;

import io.microdrama.billing.domain.reference.CsvRow;
import io.microdrama.billing.domain.reference.ReferenceDataException;
import io.microdrama.billing.domain.reference.ReferenceSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pricing tiers studios can choose ({@code reference/tiers.csv} plus versions added by admins), looked up by
 * name as in force on a date. Immutable: adding versions makes a new instance.
 */
public final class PricingTiers {

    static final String TIERS = "tiers.csv";

    private final Map<String, List<PricingTierVersion>> byName;

    public PricingTiers(Collection<PricingTierVersion> versions) {
        Map<String, List<PricingTierVersion>> grouped = new TreeMap<>();
        for (PricingTierVersion version : versions) {
            grouped.computeIfAbsent(version.name(), name -> new ArrayList<>()).add(version);
        }
        Map<String, List<PricingTierVersion>> result = new TreeMap<>();
        grouped.forEach((name, history) -> {
            history.sort(Comparator.comparing(PricingTierVersion::effectiveFrom));
            for (int i = 1; i < history.size(); i++) {
                if (history.get(i).effectiveFrom().equals(history.get(i - 1).effectiveFrom())) {
                    throw new IllegalArgumentException("tier " + name + " has two versions effective from "
                            + history.get(i).effectiveFrom());
                }
            }
            result.put(name, List.copyOf(history));
        });
        this.byName = Collections.unmodifiableMap(result);
    }

    public static PricingTiers load(ReferenceSource source) {
        List<PricingTierVersion> versions = new ArrayList<>();
        for (CsvRow row : source.table(TIERS, "tier", "effective_from", "free_episodes", "coins_per_episode",
                "series_discount_percent").rows()) {
            try {
                versions.add(new PricingTierVersion(row.date("effective_from"),
                        new PricingTier(row.text("tier"), row.integer("free_episodes"), row.integer("coins_per_episode"),
                                row.optionalDecimal("series_discount_percent")),
                        row.optionalText("notes").orElse("")));
            } catch (IllegalArgumentException e) {
                throw row.error("*", e.getMessage());
            }
        }
        try {
            return new PricingTiers(versions);
        } catch (IllegalArgumentException e) {
            throw new ReferenceDataException(TIERS + ": " + e.getMessage(), e);
        }
    }

    /** The tier's terms in force on {@code date}; empty for an unknown tier or before its first version. */
    public Optional<PricingTier> find(String name, LocalDate date) {
        return findVersion(name, date).map(PricingTierVersion::tier);
    }

    public Optional<PricingTierVersion> findVersion(String name, LocalDate date) {
        Objects.requireNonNull(date, "date");
        PricingTierVersion inForce = null;
        for (PricingTierVersion version : byName.getOrDefault(name, List.of())) {
            if (!version.effectiveFrom().isAfter(date)) {
                inForce = version;
            }
        }
        return Optional.ofNullable(inForce);
    }

    public PricingTier get(String name, LocalDate date) {
        return find(name, date).orElseThrow(() -> new IllegalArgumentException("unknown pricing tier on " + date + ": " + name));
    }

    /** Every version of one tier, oldest first (empty for an unknown tier). */
    public List<PricingTierVersion> history(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** The version of every tier in force on {@code date}, ordered by name. */
    public List<PricingTierVersion> allAt(LocalDate date) {
        return byName.keySet().stream().map(name -> findVersion(name, date)).flatMap(Optional::stream).toList();
    }

    public List<PricingTierVersion> allVersions() {
        return byName.values().stream().flatMap(List::stream).toList();
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** A copy with versions added; a version with the same tier and date replaces the existing one. */
    public PricingTiers withVersions(Collection<PricingTierVersion> additions) {
        Map<String, PricingTierVersion> merged = new LinkedHashMap<>();
        allVersions().forEach(version -> merged.put(version.name() + "@" + version.effectiveFrom(), version));
        additions.forEach(version -> merged.put(version.name() + "@" + version.effectiveFrom(), version));
        return new PricingTiers(merged.values());
    }
}
