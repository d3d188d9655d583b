package io.microdrama.contracts;

import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaPublished.AgeRating;
import io.microdrama.contracts.events.DramaPublished.Episode;
import io.microdrama.contracts.events.DramaPublished.Licence;
import io.microdrama.contracts.events.DramaPublished.LocalizedText;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.contracts.events.PricingSet.Money;
import io.microdrama.contracts.events.ReadinessChanged;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic payloads, including the edge cases the schemas must accept. */
final class Samples {

    static final String DRAMA_ID = "0b6f6c1e-3f7a-4c2e-9a57-5d2f1c9e8b10";

    private Samples() {
    }

    /** Several languages (one with a null synopsis), open-ended and bounded licences, ratings, nanosecond time. */
    static DramaPublished dramaPublishedFull() {
        Map<String, LocalizedText> localizations = new LinkedHashMap<>();
        localizations.put("en", new LocalizedText("The Last Summer", "A heiress returns to the lake house."));
        localizations.put("pt-BR", new LocalizedText("O Último Verão", null));
        localizations.put("zh-Hant-TW", new LocalizedText(null, "最後的夏天"));
        localizations.put("es-419", new LocalizedText(null, null));
        return new DramaPublished(DRAMA_ID, 3, "studio-aurora", "AUR-2025-017", "Der letzte Sommer", "de",
                List.of("romance", "revenge"), "standard", localizations,
                List.of(new Episode(1, "Rückkehr", 95), new Episode(2, "Das Testament", 110),
                        new Episode(80, "", 900), new Episode(81, "Epilog", 10)),
                List.of(new Licence("DE", Instant.parse("2025-06-01T00:00:00Z"), null, true),
                        new Licence("AT", Instant.parse("2025-06-01T00:00:00Z"), null, false),
                        new Licence("BR", Instant.parse("2025-07-01T00:00:00Z"),
                                Instant.parse("2026-07-01T00:00:00Z"), false)),
                List.of(new AgeRating("DE", "fsk", "12"), new AgeRating("BR", "djctq", "14")),
                Instant.parse("2025-05-28T14:03:11.482913577Z"));
    }

    /** The smallest realistic snapshot: no localizations, genres or ratings, one episode, one licence. */
    static DramaPublished dramaPublishedMinimal() {
        return new DramaPublished("7d3c1a52-08b4-4d9b-8c51-2a9f0e6b4c11", 1, "studio-k", "K-1", "사랑의 계약", "ko",
                List.of(), "premium", Map.of(),
                List.of(new Episode(1, "1화", 60)),
                List.of(new Licence("KR", Instant.parse("2025-01-01T00:00:00Z"), null, true)),
                List.of(),
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    static DramaWithdrawn dramaWithdrawn() {
        return new DramaWithdrawn(DRAMA_ID, 4, "studio-aurora", Instant.parse("2025-09-30T08:00:00.123Z"));
    }

    static ReadinessChanged readinessNotReady() {
        return new ReadinessChanged(DRAMA_ID, 3, "BR", false, List.of("pt-BR"), List.of("pt-BR"), List.of("en", "de"),
                Instant.parse("2025-05-28T14:03:12.020Z"));
    }

    /** A region that requires no subtitles at all: empty lists everywhere. */
    static ReadinessChanged readinessReadyNoLanguages() {
        return new ReadinessChanged(DRAMA_ID, 3, "DE", true, List.of(), List.of(), List.of(),
                Instant.parse("2025-05-28T14:03:12Z"));
    }

    /** Two-decimal currency from the tier. */
    static PricingSet pricingEur() {
        return new PricingSet(DRAMA_ID, 3, "DE", "standard", 5, 60, 3000, new Money(59, "EUR", 2), true,
                PricingSet.Source.TIER, Instant.parse("2025-05-28T14:03:12.515Z"), "PUBLICATION");
    }

    /** Zero-decimal currency from an ops override. */
    static PricingSet pricingJpyOverride() {
        return new PricingSet(DRAMA_ID, 3, "JP", "standard", 3, 50, 2500, new Money(90, "JPY", 0), true,
                PricingSet.Source.OVERRIDE, Instant.parse("2025-05-29T01:00:00Z"), "OVERRIDE");
    }

    /** Three-decimal currency, prices shown without tax, re-priced after a reference-data change. */
    static PricingSet pricingKwd() {
        return new PricingSet(DRAMA_ID, 3, "KW", "standard", 5, 60, 3000, new Money(185, "KWD", 3), false,
                PricingSet.Source.TIER, Instant.parse("2025-05-28T14:03:12.515Z"), "REPRICE");
    }

    /** Everything free: zero coins, zero amount; no cause, as producers before it was added sent it. */
    static PricingSet pricingFree() {
        return new PricingSet(DRAMA_ID, 1, "IN", "free", 0, 0, 0, new Money(0, "INR", 2), true,
                PricingSet.Source.OVERRIDE, Instant.parse("2025-05-28T14:03:12.515Z"), null);
    }

    /** A hold on a drama in one region, with reason and before/after. */
    static AuditRecorded auditHold() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("onHold", true);
        after.put("holdReason", "Legal review");
        return new AuditRecorded("ops-br", "ops", "HOLD_PLACED", Instant.parse("2025-05-28T14:03:12.020Z"), "catalog",
                "rollout", DRAMA_ID + "/BR", DRAMA_ID, "studio-aurora", List.of("BR"), "Legal review",
                Map.of("onHold", false), after);
    }

    /** A platform-wide reference change: no drama, studio, region, reason or before. */
    static AuditRecorded auditReferenceData() {
        return new AuditRecorded("admin", "admin", "REFERENCE_DATA_CHANGED", Instant.parse("2025-06-01T00:00:00Z"),
                "billing", "fx-rate", "BRL", null, null, List.of(), null, null,
                Map.of("currency", "BRL", "perEur", "5.61", "nested", Map.of("list", List.of(1, 2))));
    }
}
