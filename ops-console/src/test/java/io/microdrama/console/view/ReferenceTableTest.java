package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceTableTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void inForceRowsBecomeATableWithTheKeyColumnLinkedToItsHistory() throws Exception {
        ReferenceTable.Table table = ReferenceTable.of(ReferenceTable.Kind.FX_RATES, json.readTree("""
                {"date":"2026-12-02","items":[
                  {"currency":"EUR","asOf":"2026-11-01","unitsPerUsd":0.92,"source":"ECB","recordedBy":null},
                  {"currency":"JPY","asOf":"2026-11-01","unitsPerUsd":151.2,"source":"ECB","recordedBy":"admin"}]}
                """), null);

        assertThat(table.kind()).isEqualTo("fx-rates");
        assertThat(table.asOf()).isEqualTo("2026-12-02");
        assertThat(table.columns()).containsExactly("currency", "asOf", "unitsPerUsd", "source", "recordedBy");
        assertThat(table.keyColumn()).isZero();
        assertThat(table.rows()).containsExactly(List.of("EUR", "2026-11-01", "0.92", "ECB", ""),
                List.of("JPY", "2026-11-01", "151.2", "ECB", "admin"));
    }

    @Test
    void aHistoryListsEveryVersionAndNestedValuesStayReadable() throws Exception {
        ReferenceTable.Table table = ReferenceTable.of(ReferenceTable.Kind.TIERS, json.readTree("""
                {"key":"standard","inForceToday":"2026-01-01","versions":[
                  {"tier":"standard","effectiveFrom":"2025-01-01","coinsPerEpisode":8,"tags":["a","b"]},
                  {"tier":"standard","effectiveFrom":"2026-01-01","coinsPerEpisode":10,"extra":{"k":"v"}}]}
                """), "standard");

        assertThat(table.key()).isEqualTo("standard");
        assertThat(table.asOf()).isEqualTo("2026-01-01");
        assertThat(table.columns()).containsExactly("tier", "effectiveFrom", "coinsPerEpisode", "tags", "extra");
        assertThat(table.rows().get(0)).containsExactly("standard", "2025-01-01", "8", "a, b", "");
        assertThat(table.rows().get(1)).containsExactly("standard", "2026-01-01", "10", "", "k v");
    }

    @Test
    void anUnknownKindFallsBackToStorefronts() {
        assertThat(ReferenceTable.Kind.fromPath("../../admin")).isEqualTo(ReferenceTable.Kind.STOREFRONTS);
        assertThat(ReferenceTable.Kind.fromPath("ppp-factors")).isEqualTo(ReferenceTable.Kind.PPP_FACTORS);
    }
}
