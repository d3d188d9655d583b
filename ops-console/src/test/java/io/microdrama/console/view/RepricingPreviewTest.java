package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RepricingPreviewTest {

    private static final String ANSWER = """
            {"region":"MX","today":"2026-12-02","date":"2026-12-03","upcomingDates":["2026-12-03","2027-01-01"],
             "activePrices":40,"affected":25,"page":0,"size":20,"changes":[
              {"dramaId":"d1","pricingTier":"standard","overridden":false,
               "current":{"source":"TIER","coinsPerEpisode":60,"freeEpisodes":5,"seriesCoins":810,
                          "episodePrice":{"amountMinor":1100,"currency":"MXN","minorUnits":2,"formatted":"MX$11.00"},"taxInclusive":true},
               "next":{"source":"TIER","coinsPerEpisode":60,"freeEpisodes":5,"seriesCoins":810,
                       "episodePrice":{"amountMinor":2200,"currency":"MXN","minorUnits":2,"formatted":"MX$22.00"},"taxInclusive":true}},
              {"dramaId":"d2","pricingTier":"standard","overridden":true,
               "current":{"source":"OVERRIDE","coinsPerEpisode":45,"freeEpisodes":8,"seriesCoins":486,
                          "episodePrice":{"amountMinor":900,"currency":"MXN","minorUnits":2,"formatted":"MX$9.00"},"taxInclusive":true},
               "next":{"source":"OVERRIDE","coinsPerEpisode":45,"freeEpisodes":8,"seriesCoins":486,
                       "episodePrice":{"amountMinor":800,"currency":"MXN","minorUnits":2,"formatted":"MX$8.00"},"taxInclusive":true}}]}""";

    @Test
    void eachChangeReadsAsOldAndNewPriceWithItsDirectionAndOverridesMarked() throws Exception {
        RepricingPreview preview = RepricingPreview.of(new ObjectMapper().readTree(ANSWER));

        assertThat(preview.date()).isEqualTo("2026-12-03");
        assertThat(preview.upcomingDates()).containsExactly("2026-12-03", "2027-01-01");
        assertThat(preview.affected()).isEqualTo(25);
        assertThat(preview.hasMore()).isTrue();
        assertThat(preview.changes()).extracting(RepricingPreview.Change::current)
                .containsExactly("MX$11.00 per episode (60 coins, 5 free)", "MX$9.00 per episode (45 coins, 8 free)");
        assertThat(preview.changes()).extracting(RepricingPreview.Change::next)
                .containsExactly("MX$22.00 per episode (60 coins, 5 free)", "MX$8.00 per episode (45 coins, 8 free)");
        assertThat(preview.changes()).extracting(RepricingPreview.Change::direction).containsExactly("up", "down");
        assertThat(preview.changes()).extracting(RepricingPreview.Change::overridden).containsExactly(false, true);
    }

    @Test
    void theLastPageHasNoMoreAndAnEmptyAnswerNoChanges() throws Exception {
        RepricingPreview last = RepricingPreview.of(new ObjectMapper().readTree("""
                {"region":"DE","today":"2026-12-02","date":"2026-12-02","upcomingDates":[],"activePrices":3,
                 "affected":0,"page":0,"size":20,"changes":[]}"""));

        assertThat(last.hasMore()).isFalse();
        assertThat(last.changes()).isEmpty();
        assertThat(last.upcomingDates()).isEmpty();
    }
}
