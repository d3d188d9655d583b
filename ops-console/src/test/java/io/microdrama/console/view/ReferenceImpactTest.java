package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReferenceImpactTest {

    private static final String ANSWER = """
            {"today":"2026-12-03","effectiveFrom":"2026-12-10","alreadyStored":false,"regionsWithoutActivePrices":["GR"],
             "regions":[{"region":"DE","currency":"EUR","activePrices":40,"changing":12,"examples":[
              {"dramaId":"d1","pricingTier":"standard","overridden":false,
               "current":{"source":"TIER","coinsPerEpisode":60,"freeEpisodes":5,"seriesCoins":810,
                          "episodePrice":{"amountMinor":59,"currency":"EUR","minorUnits":2,"formatted":"€0.59"},"taxInclusive":true},
               "next":{"source":"TIER","coinsPerEpisode":60,"freeEpisodes":5,"seriesCoins":810,
                       "episodePrice":{"amountMinor":69,"currency":"EUR","minorUnits":2,"formatted":"€0.69"},"taxInclusive":true}}]},
              {"region":"AT","currency":"EUR","activePrices":3,"changing":0,"examples":[]}]}""";

    @Test
    void regionsReadAsCountsAndExamplesInLocalCurrencyWithWhatIsNotShown() throws Exception {
        ReferenceImpact impact = ReferenceImpact.of(new ObjectMapper().readTree(ANSWER));

        assertThat(impact.changing()).isEqualTo(12);
        assertThat(impact.takesEffectToday()).isFalse();
        assertThat(impact.regions()).extracting(ReferenceImpact.Region::region).containsExactly("DE", "AT");
        ReferenceImpact.Region germany = impact.regions().get(0);
        assertThat(germany.unshown()).isEqualTo(11);
        assertThat(germany.examples()).singleElement().satisfies(example -> {
            assertThat(example.current()).isEqualTo("€0.59 per episode (60 coins, 5 free)");
            assertThat(example.next()).isEqualTo("€0.69 per episode (60 coins, 5 free)");
            assertThat(example.direction()).isEqualTo("up");
        });
        assertThat(impact.regionsWithoutActivePrices()).containsExactly("GR");
        assertThat(impact.summary()).isEqualTo("12 active price(s) in 1 region(s) change on 2026-12-10.");
    }

    @Test
    void theSummarySaysWhenNothingMovesOrTheVersionExists() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(ReferenceImpact.of(json.readTree("""
                {"today":"2026-12-03","effectiveFrom":"2026-12-03","alreadyStored":false,"regions":[],
                 "regionsWithoutActivePrices":[]}""")).summary())
                .isEqualTo("No active price changes today (re-pricing applies it right after saving).");
        assertThat(ReferenceImpact.of(json.readTree("""
                {"today":"2026-12-03","effectiveFrom":"2026-12-03","alreadyStored":true,"regions":[],
                 "regionsWithoutActivePrices":[]}""")).summary()).startsWith("This exact version is already stored");
    }
}
