package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AuditTrailViewTest {

    @Test
    void filtersAreCheckedBeforeTheyReachTheGateway() {
        AuditTrailView.Parsed parsed = AuditTrailView.parse(" de ", "  ops-eu ", "", -3);
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.filter()).isEqualTo(new AuditTrailView.Filter("DE", "ops-eu", null, 0));
        assertThat(parsed.filter().describe()).isEqualTo("touching DE, by ops-eu");

        AuditTrailView.Parsed wrong = AuditTrailView.parse("Germany", "x".repeat(201), "not-an-id", 0);
        assertThat(wrong.valid()).isFalse();
        assertThat(wrong.errors()).containsExactly("region: a two-letter country code, such as DE",
                "actor: at most 200 characters", "drama: a drama id (UUID), as on the drama's page");
    }

    @Test
    void pageLinksKeepTheFiltersEncoded() {
        AuditTrailView.Filter filter = new AuditTrailView.Filter("DE", "a b&c", null, 2);
        assertThat(filter.olderQuery()).isEqualTo("?region=DE&actor=a+b%26c&page=3");
        assertThat(filter.newerQuery()).isEqualTo("?region=DE&actor=a+b%26c&page=1");
        assertThat(new AuditTrailView.Filter(null, null, null, 0).describe()).isEqualTo("every record you may see");
    }

    @Test
    void aPageSaysWhereItIsAmongAllMatchingRecords() throws Exception {
        AuditTrailView.Page page = AuditTrailView.page(new AuditTrailView.Filter("DE", null, null, 1),
                new ObjectMapper().readTree("""
                        {"page":1,"size":2,"total":5,"items":[
                         {"occurredAt":"2026-12-03T10:00:00Z","actor":"ops-eu","actorRole":"ops","action":"HOLD_PLACED",
                          "service":"catalog","entityType":"rollout","entityId":"d1/DE",
                          "dramaId":"3f0c1b7e-0000-4000-8000-000000000001","regions":["DE"],"reason":"legal check",
                          "before":{"onHold":false},"after":{"onHold":true}},
                         {"occurredAt":"2026-12-03T09:00:00Z","actor":"admin","actorRole":"admin","action":"FX_RATES_ADDED",
                          "service":"billing","entityType":"fx-rates","entityId":"2026-12-03","dramaId":null,"regions":[],
                          "reason":null,"before":null,"after":{"EUR":0.92}}]}
                        """));

        assertThat(page.range()).isEqualTo("records 3–4 of 5");
        assertThat(page.hasNewer()).isTrue();
        assertThat(page.hasOlder()).isTrue();
        assertThat(page.lines()).extracting(AuditTrailView.Line::action).containsExactly("hold placed", "fx rates added");
        assertThat(page.lines().get(0).change()).isEqualTo("onHold: false → true");
        assertThat(page.lines().get(0).entity()).isEqualTo("catalog rollout d1/DE");
        assertThat(page.lines().get(1).regions()).isEqualTo("platform-wide");
        assertThat(page.lines().get(1).dramaId()).isNull();
        assertThat(page.lines().get(1).reason()).isEmpty();

        AuditTrailView.Page last = AuditTrailView.page(new AuditTrailView.Filter(null, null, null, 0),
                new ObjectMapper().readTree("{\"page\":0,\"size\":50,\"total\":0,\"items\":[]}"));
        assertThat(last.range()).isEqualTo("no records");
        assertThat(last.hasOlder()).isFalse();
        assertThat(last.hasNewer()).isFalse();
    }
}
