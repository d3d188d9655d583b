package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reference-data change will do to a region's prices before it comes into force, as the re-pricing preview
 * of the API answers it: the day, the other upcoming days, and each drama's price now and then.
 */
public record RepricingPreview(String region, String today, String date, List<String> upcomingDates, int activePrices,
        long affected, int page, boolean hasMore, List<Change> changes) {

    public int nextPage() {
        return page + 1;
    }

    /** One drama whose price changes; prices as people read them, coins alongside. */
    public record Change(String dramaId, String tier, boolean overridden, String current, String next, String direction) {

        /** One {@code {dramaId, pricingTier, overridden, current, next}} of billing's answers (re-pricing and impact). */
        static Change of(JsonNode change) {
            JsonNode current = change.path("current");
            JsonNode next = change.path("next");
            long before = current.path("episodePrice").path("amountMinor").asLong();
            long after = next.path("episodePrice").path("amountMinor").asLong();
            return new Change(change.path("dramaId").asText(), change.path("pricingTier").asText(),
                    change.path("overridden").asBoolean(), price(current), price(next),
                    after > before ? "up" : after < before ? "down" : "same amount");
        }
    }

    public static RepricingPreview of(JsonNode answer) {
        List<String> upcoming = new ArrayList<>();
        answer.path("upcomingDates").forEach(date -> upcoming.add(date.asText()));
        List<Change> changes = new ArrayList<>();
        for (JsonNode change : answer.path("changes")) {
            changes.add(Change.of(change));
        }
        int page = answer.path("page").asInt();
        int size = answer.path("size").asInt();
        long affected = answer.path("affected").asLong();
        return new RepricingPreview(answer.path("region").asText(), answer.path("today").asText(),
                answer.path("date").asText(), List.copyOf(upcoming), answer.path("activePrices").asInt(), affected, page,
                (long) (page + 1) * size < affected, List.copyOf(changes));
    }

    /** e.g. "€0.59 per episode (60 coins, 5 free)". */
    static String price(JsonNode price) {
        return price.path("episodePrice").path("formatted").asText() + " per episode (" + price.path("coinsPerEpisode").asInt()
                + " coins, " + price.path("freeEpisodes").asInt() + " free)";
    }
}
