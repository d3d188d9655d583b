package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceProposalTest {

    @Test
    void anFxProposalBecomesOneRateAsOfItsDateWithItsSource() {
        ReferenceProposal.Parsed parsed = ReferenceProposal.parse(ReferenceTable.Kind.FX_RATES,
                Map.of("date", "2027-01-01", "currency", "EUR", "unitsPerUsd", " 0,95 ", "source", "ECB"));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.request().key()).isNull();
        assertThat(parsed.request().date()).isEqualTo("2027-01-01");
        assertThat(parsed.request().body()).isEqualTo(Map.of("rates", Map.of("EUR", new BigDecimal("0.95")), "source", "ECB"));
    }

    @Test
    void aTierProposalSendsNumbersAndLeavesEmptyOptionalFieldsOut() {
        ReferenceProposal.Parsed parsed = ReferenceProposal.parse(ReferenceTable.Kind.TIERS,
                Map.of("key", "standard", "date", "2027-01-01", "freeEpisodes", "5", "coinsPerEpisode", "60", "notes", ""));

        assertThat(parsed.request().key()).isEqualTo("standard");
        assertThat(parsed.request().body()).containsOnlyKeys("freeEpisodes", "coinsPerEpisode")
                .containsEntry("coinsPerEpisode", new BigDecimal("60"));
    }

    @Test
    void whatCannotGoIntoAUrlOrIsNotANumberIsNamedInWordsAndNothingIsSent() {
        ReferenceProposal.Parsed parsed = ReferenceProposal.parse(ReferenceTable.Kind.PPP_FACTORS,
                Map.of("key", "../DE", "date", "1.1.2027", "factor", "half"));

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.request()).isNull();
        assertThat(parsed.errors()).containsExactly("Country code: two capital letters, e.g. DE",
                "In force from (yyyy-mm-dd, UTC): write the date as yyyy-mm-dd, e.g. 2027-01-01",
                "Purchasing-power factor: a number, e.g. 0.92");
        assertThat(ReferenceProposal.parse(ReferenceTable.Kind.TIERS, Map.of("key", "standard", "date", "2027-01-01",
                "freeEpisodes", "2.5", "coinsPerEpisode", "")).errors())
                .containsExactly("Free episodes: a whole number", "Coins per episode: is required");
    }

    @Test
    void aStorefrontMayBeTheEuDefaultAndItsYesNoFieldsAreBooleans() {
        ReferenceProposal.Parsed parsed = ReferenceProposal.parse(ReferenceTable.Kind.STOREFRONTS, Map.of("key", "EU",
                "date", "2027-01-01", "name", "EU default", "currency", "EUR", "minorUnits", "2", "priceLadder", "ENDING_99",
                "taxInclusiveDisplay", "true", "taxRate", "0.2", "source", "law"));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.request().body()).containsEntry("taxInclusiveDisplay", true).doesNotContainKey("taxRateChecked");
    }

    @Test
    void theFormIsRefilledWithWhatWasEntered() {
        ReferenceProposal.Form form = ReferenceProposal.form(ReferenceTable.Kind.FX_RATES, Map.of("currency", "EUR"));

        assertThat(form.kind()).isEqualTo("fx-rates");
        assertThat(form.fields()).extracting(ReferenceProposal.Field::name)
                .containsExactly("date", "currency", "unitsPerUsd", "source");
        assertThat(form.fields()).extracting(ReferenceProposal.Field::value).containsExactly("", "EUR", "", "");
    }
}
