package io.microdrama.billing.domain.offer;

import io.microdrama.billing.domain.money.CurrencyUnit;
import io.microdrama.billing.domain.money.Money;
import io.microdrama.billing.domain.pricing.PriceEqualizer;
import io.microdrama.billing.domain.reference.CsvRow;
import io.microdrama.billing.domain.reference.CsvTable;
import io.microdrama.billing.domain.reference.ReferenceDataException;
import io.microdrama.billing.domain.reference.ReferenceSource;
import io.microdrama.billing.domain.reference.Storefront;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What we sell, priced once in USD ({@code reference/offers.csv}): coin packs and VIP passes. Local prices come
 * from the {@link PriceEqualizer}, so every storefront shows its own price points.
 */
public final class OfferCatalog {

    static final String OFFERS = "offers.csv";

    private final List<CoinPack> coinPacks;
    private final List<VipPass> vipPasses;

    public OfferCatalog(List<CoinPack> coinPacks, List<VipPass> vipPasses) {
        if (coinPacks.isEmpty()) {
            throw new IllegalArgumentException("the catalog needs at least one coin pack");
        }
        this.coinPacks = coinPacks.stream().sorted(Comparator.comparing(CoinPack::usdAnchor)).toList();
        this.vipPasses = List.copyOf(vipPasses);
        Set<String> ids = new HashSet<>();
        coinPacks.forEach(pack -> requireUnique(ids, pack.id()));
        vipPasses.forEach(pass -> requireUnique(ids, pass.id()));
    }

    /** Reads {@code offers.csv}; anchors are in {@code usd} (the USD unit from the reference data). */
    public static OfferCatalog load(ReferenceSource source, CurrencyUnit usd) {
        CsvTable table = source.table(OFFERS, "offer_id", "kind", "usd_anchor", "coins", "bonus_percent", "duration_days");
        List<CoinPack> packs = new ArrayList<>();
        List<VipPass> passes = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            try {
                String id = row.text("offer_id");
                Money anchor = Money.of(row.decimal("usd_anchor"), usd);
                switch (row.text("kind")) {
                    case "COIN_PACK" -> packs.add(new CoinPack(id, anchor, row.integer("coins"),
                            row.optionalInteger("bonus_percent").orElse(0)));
                    case "VIP_PASS" -> passes.add(new VipPass(id, anchor, row.integer("duration_days")));
                    default -> throw row.error("kind", "must be COIN_PACK or VIP_PASS");
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw row.error("*", e.getMessage());
            }
        }
        try {
            return new OfferCatalog(packs, passes);
        } catch (IllegalArgumentException e) {
            throw new ReferenceDataException(OFFERS + ": " + e.getMessage(), e);
        }
    }

    /** Coin packs, cheapest first. */
    public List<CoinPack> coinPacks() {
        return coinPacks;
    }

    public List<VipPass> vipPasses() {
        return vipPasses;
    }

    /**
     * The pack with the lowest anchor. Equalization is monotonic (a higher anchor never gets a lower local price),
     * so it is also the cheapest pack in every storefront.
     */
    public CoinPack entryPack() {
        return coinPacks.get(0);
    }

    /** Every offer priced in {@code storefront} with the FX rate and factor in force on {@code date}. */
    public StorefrontOffers localize(Storefront storefront, PriceEqualizer equalizer, LocalDate date) {
        return new StorefrontOffers(storefront,
                coinPacks.stream().map(pack -> localize(pack, storefront, equalizer, date)).toList(),
                vipPasses.stream().map(pass -> new PricedVipPass(pass, equalizer.equalize(pass.usdAnchor(), storefront, date))).toList());
    }

    public PricedCoinPack localize(CoinPack pack, Storefront storefront, PriceEqualizer equalizer, LocalDate date) {
        return new PricedCoinPack(pack, equalizer.equalize(pack.usdAnchor(), storefront, date));
    }

    private static void requireUnique(Set<String> ids, String id) {
        if (!ids.add(id)) {
            throw new IllegalArgumentException("offer id used twice: " + id);
        }
    }
}
