package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

class ViewsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void boardRowsCarryStateBlockersAndHold() throws Exception {
        JsonNode answer = json.readTree("""
                {"region":"DE","page":1,"size":50,"hasMore":true,"items":[
                 {"dramaId":"3f0c1b7e-0000-4000-8000-000000000001","studioId":"aurora","externalId":"x-1",
                  "title":"<img src=x onerror=alert(1)>","dramaVersion":2,
                  "rollout":{"region":"DE","state":"WAITING","blockers":["NO_PRICE","MISSING_LANGUAGE:de"]}},
                 {"dramaId":"3f0c1b7e-0000-4000-8000-000000000002","studioId":"aurora","externalId":"x-2","title":"B",
                  "rollout":{"region":"DE","state":"ON_HOLD","blockers":[],"hold":{"reason":"legal","by":"ops-eu"}}}]}
                """);

        Views.Board board = Views.board(answer, "WAITING", null);

        assertThat(board.region()).isEqualTo("DE");
        assertThat(board.hasMore()).isTrue();
        assertThat(board.pageNumber()).isEqualTo(2);
        assertThat(board.previousPage()).isZero();
        assertThat(board.rows()).hasSize(2);
        assertThat(board.rows().get(0).title()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(board.rows().get(0).blockers()).isEqualTo("NO_PRICE, MISSING_LANGUAGE:de");
        assertThat(board.rows().get(1).hold()).isEqualTo("legal (ops-eu)");
    }

    @Test
    void dramaPanelsJoinRolloutPlanAndPricePerRegion() throws Exception {
        JsonNode overview = json.readTree("""
                {"drama":{"id":"d1","title":"T","externalId":"x","studioId":"s","status":"PUBLISHED","dramaVersion":3,
                  "episodes":10,"rollout":[
                   {"region":"DE","state":"LIVE","blockers":[],"validFrom":"2026-01-01T00:00:00Z","validUntil":null},
                   {"region":"FR","state":"ON_HOLD","blockers":[],"hold":{"reason":"r","by":"ops-eu","at":"2026-12-01T10:00:00Z"}}]},
                 "localization":{"status":"AVAILABLE","regions":[{"region":"DE","requiredLanguages":["de","en"],"missingLanguages":[]}]},
                 "pricing":{"status":"UNAVAILABLE","detail":"billing down"},
                 "unavailable":["pricing"]}
                """);

        Views.DramaPage page = Views.drama(overview);

        assertThat(page.regions()).extracting(Views.RegionPanel::region).containsExactly("DE", "FR");
        Views.RegionPanel de = page.regions().get(0);
        assertThat(de.requiredLanguages()).isEqualTo("de, en");
        assertThat(de.price()).isEqualTo("unavailable");
        assertThat(de.onHold()).isFalse();
        assertThat(de.validUntil()).isEmpty();
        Views.RegionPanel fr = page.regions().get(1);
        assertThat(fr.onHold()).isTrue();
        assertThat(fr.holdBy()).isEqualTo("ops-eu");
        assertThat(fr.requiredLanguages()).isEqualTo("no plan yet");
        assertThat(page.unavailable()).containsExactly("pricing");
    }

    @Test
    void moneyIsShownInTheMajorUnit() throws Exception {
        assertThat(Views.money(json.readTree("199"), 2, "EUR")).isEqualTo("1.99 EUR");
        assertThat(Views.money(json.readTree("150"), 0, "JPY")).isEqualTo("150 JPY");
        assertThat(Views.money(json.readTree("null"), 2, "EUR")).isEqualTo("no price yet");
    }

    @Test
    void qcReportListsParseFindingsThenQcFindings() throws Exception {
        JsonNode answer = json.readTree("""
                {"status":422,"verdict":"QC_FAILED","report":{"verdict":"QC_FAILED","errorCount":2,"warningCount":0,
                  "parseFindings":[{"severity":"ERROR","code":"SRT_END_NOT_AFTER_START","cueNumber":3,"lineNumber":9,"message":"end before start"}],
                  "findings":[{"severity":"ERROR","code":"CPS_TOO_HIGH","cueNumber":1,"startMs":61500,"endMs":62000,"message":"too fast"}]}}
                """);

        Views.QcReport report = Views.qcReport(answer);

        assertThat(report.verdict()).isEqualTo("QC_FAILED");
        assertThat(report.errorCount()).isEqualTo(2);
        assertThat(report.findings()).extracting(Views.Finding::code).containsExactly("SRT_END_NOT_AFTER_START", "CPS_TOO_HIGH");
        assertThat(report.findings().get(0).where()).isEqualTo("cue 3, line 9");
        assertThat(report.findings().get(1).where()).isEqualTo("cue 1, at 00:01:01.500");
    }

    @Test
    void auditEntriesSayWhoWhenWhyAndWhatPrice() throws Exception {
        JsonNode page = json.readTree("""
                {"items":[{"id":7,"at":"2026-12-02T10:00:00Z","action":"OVERRIDE_SET","actor":"ops-eu","reason":"promo",
                  "coinsPerEpisode":5,"freeEpisodes":3,"episodePrice":{"amountMinor":99,"currency":"EUR","minorUnits":2,"formatted":"€0.99"}}],
                 "page":0,"size":20,"totalItems":1}
                """);

        assertThat(Views.audit(page)).singleElement().satisfies(entry -> {
            assertThat(entry.by()).isEqualTo("ops-eu");
            assertThat(entry.action()).isEqualTo("OVERRIDE_SET");
            assertThat(entry.reason()).isEqualTo("promo");
            assertThat(entry.change()).isEqualTo("5 coins per episode, 3 free = €0.99 per episode");
        });
    }

    @Test
    void policyEntriesEndWithTheFallback() throws Exception {
        JsonNode policy = json.readTree("""
                {"version":4,"fallback":["en"],"entries":[{"region":"EU","kind":"GROUP","languages":["en","de"],
                 "approvalRequired":true,"approvalByLanguage":{"en":false}},
                 {"region":"JP","kind":"COUNTRY","languages":["ja"],"approvalRequired":false,"approvalByLanguage":{}}]}
                """);

        assertThat(Views.policy(policy)).extracting(Views.PolicyEntry::region, Views.PolicyEntry::languages,
                        Views.PolicyEntry::approval)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EU", "en, de", "required except en"),
                        org.assertj.core.groups.Tuple.tuple("JP", "ja", "not required"),
                        org.assertj.core.groups.Tuple.tuple("everywhere else", "en", "not required"));
    }

    @Test
    void aBulkApprovalSaysWhatChangedAndWhichEpisodesWereLeftAlone() throws Exception {
        JsonNode answer = json.readTree("""
                {"dramaId":"d","language":"es","decision":"APPROVED","decided":2,"unchanged":1,"skipped":2,
                 "episodes":[{"episode":1,"result":"DECIDED"},{"episode":2,"result":"DECIDED"},{"episode":3,"result":"UNCHANGED"},
                             {"episode":4,"result":"OWN_UPLOAD"},{"episode":5,"result":"NOT_QC_ACCEPTED"}]}
                """);

        assertThat(Views.approvalOutcome(answer, "es", "APPROVED")).isEqualTo("Approved 2 episode(s) of es (1 already approved)."
                + " Left alone: episode 4 (your own upload: someone else must decide), episode 5 (its track did not pass QC).");
    }

    @Test
    void aDramasHistoryReadsWhoDidWhatWhereWhyAndWhatChanged() throws Exception {
        JsonNode page = json.readTree("""
                {"page":0,"size":20,"total":2,"items":[
                 {"id":"a","occurredAt":"2026-12-03T10:00:00Z","actor":"ops-eu","actorRole":"ops","action":"HOLD_RELEASED",
                  "service":"catalog","entityType":"rollout","entityId":"d/DE","regions":["DE"],"reason":"cleared",
                  "before":{"onHold":true},"after":{"onHold":false}},
                 {"id":"b","occurredAt":"2026-12-03T09:00:00Z","actor":"ops-eu","actorRole":"ops","action":"PRICE_OVERRIDE_SET",
                  "service":"billing","entityType":"price","entityId":"d/DE","regions":["DE"],"reason":null,
                  "before":null,"after":{"coinsPerEpisode":50}}]}
                """);

        assertThat(Views.history(page)).extracting(Views.HistoryLine::action, Views.HistoryLine::reason, Views.HistoryLine::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hold released", "cleared", "onHold: true → false"),
                        org.assertj.core.groups.Tuple.tuple("price override set", "", "coinsPerEpisode: → 50"));
    }

    @Test
    void aRejectedTrackTellsTheLocalizerWhoSentItBackAndWhy() throws Exception {
        JsonNode page = json.readTree("""
                {"total":2,"items":[
                 {"dramaId":"d","externalId":"heir","episode":3,"language":"nl","regions":["NL"],"reason":"REJECTED",
                  "revision":1,"comment":"Names misspelt in cue 4","rejectedBy":"ops-eu","rejectedAt":"2026-12-03T10:00:00Z"},
                 {"dramaId":"d","externalId":"heir","episode":4,"language":"nl","regions":["NL"],"reason":"MISSING"}]}
                """);

        assertThat(Views.tasks(page)).extracting(Views.Task::status, Views.Task::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REJECTED", "rejected by ops-eu: Names misspelt in cue 4"),
                        org.assertj.core.groups.Tuple.tuple("MISSING", ""));
    }

    @Test
    void regionalPricesAreComparedInUsDollarsHighestFirst() throws Exception {
        JsonNode prices = json.readTree("""
                [{"region":"IN","currency":"INR","amountMinor":2900,"minorUnits":2,"usdEquivalentMinor":35},
                 {"region":"GB","currency":"GBP","amountMinor":99,"minorUnits":2,"usdEquivalentMinor":125},
                 {"region":"JP","currency":"JPY","amountMinor":160,"minorUnits":0,"usdEquivalentMinor":107},
                 {"region":"XX","currency":"XXX","amountMinor":1,"minorUnits":2,"usdEquivalentMinor":null}]
                """);
        List<JsonNode> list = new java.util.ArrayList<>();
        prices.forEach(list::add);

        assertThat(Views.priceBars(list)).extracting(Views.PriceBar::region, Views.PriceBar::local, Views.PriceBar::usd,
                        Views.PriceBar::percent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GB", "0.99 GBP", "1.25 USD", 100),
                        org.assertj.core.groups.Tuple.tuple("JP", "160 JPY", "1.07 USD", 86),
                        org.assertj.core.groups.Tuple.tuple("IN", "29.00 INR", "0.35 USD", 28));
    }
}
