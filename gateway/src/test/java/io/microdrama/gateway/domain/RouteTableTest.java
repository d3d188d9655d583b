package io.microdrama.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    private static List<String> segments(String path) {
        return Arrays.asList(path.substring(1).split("/"));
    }

    private static RouteTable.Found found(String method, String path) {
        RouteTable.Lookup lookup = RouteTable.find(method, segments(path));
        assertThat(lookup).as(method + " " + path).isInstanceOf(RouteTable.Found.class);
        return (RouteTable.Found) lookup;
    }

    @Test
    void studioSubtitlesGoToLocalizationByTheirShapeAndEverythingElseOfTheStudioToCatalog() {
        assertThat(found("PUT", "/api/v1/studio/dramas/midnight-ceo").route().upstream()).isEqualTo(Upstream.CATALOG);
        assertThat(found("POST", "/api/v1/studio/dramas/midnight-ceo/publish").route().upstream()).isEqualTo(Upstream.CATALOG);
        RouteTable.Found subtitles = found("PUT", "/api/v1/studio/dramas/midnight-ceo/episodes/3/subtitles/de.vtt");
        assertThat(subtitles.route().upstream()).isEqualTo(Upstream.LOCALIZATION);
        assertThat(subtitles.parameters()).containsExactly(Map.entry("externalId", "midnight-ceo"), Map.entry("number", "3"),
                Map.entry("language", "de.vtt"));
        assertThat(found("GET", "/api/v1/studio/dramas/midnight-ceo/subtitles").route().upstream()).isEqualTo(Upstream.LOCALIZATION);
        RouteTable.Found bulk = found("POST", "/api/v1/studio/dramas/midnight-ceo/subtitles/de");
        assertThat(bulk.route().upstream()).isEqualTo(Upstream.LOCALIZATION);
        assertThat(bulk.route().access()).isEqualTo(Access.studioPush());
    }

    @Test
    void storefrontSubtitleFileNeedsTheVttSuffixAndYieldsTheBareLanguage() {
        RouteTable.Found vtt = found("GET", "/api/v1/storefront/DE/dramas/d1/episodes/2/subtitles/de.vtt");
        assertThat(vtt.route().upstream()).isEqualTo(Upstream.LOCALIZATION);
        assertThat(vtt.parameters()).containsEntry("language", "de");
        assertThat(RouteTable.find("GET", segments("/api/v1/storefront/DE/dramas/d1/episodes/2/subtitles/de.srt")))
                .isInstanceOf(RouteTable.NoRoute.class);
        assertThat(RouteTable.find("GET", segments("/api/v1/storefront/DE/dramas/d1/episodes/2/subtitles/.vtt")))
                .isInstanceOf(RouteTable.NoRoute.class);
    }

    @Test
    void theOpsDramaViewIsComposedByTheGateway() {
        assertThat(found("GET", "/api/v1/ops/dramas/d1").route().aggregated()).isTrue();
        assertThat(found("GET", "/api/v1/ops/regions/US/rollout").route().aggregated()).isFalse();
    }

    @Test
    void aKnownPathWithAnotherMethodNamesTheAllowedOnes() {
        assertThat(RouteTable.find("DELETE", segments("/api/v1/studio/dramas/x")))
                .isEqualTo(new RouteTable.WrongMethod(Set.of("GET", "PUT")));
        assertThat(RouteTable.find("GET", segments("/api/v1/nothing/here"))).isInstanceOf(RouteTable.NoRoute.class);
        assertThat(RouteTable.find("GET", segments("/api/v1/studio/dramas/x/episodes/1"))).isInstanceOf(RouteTable.NoRoute.class);
    }

    @Test
    void noTwoRoutesOfOneMethodCanMatchTheSamePath() {
        for (Route a : RouteTable.ROUTES) {
            for (Route b : RouteTable.ROUTES) {
                if (a == b || !a.method().equals(b.method())) {
                    continue;
                }
                // A concrete path for a: every parameter filled with a value no literal equals.
                List<String> concrete = segments(a.path().text().replaceAll("\\{[^}]+}", "zz9"));
                assertThat(b.path().match(concrete)).as(a + " vs " + b).isEmpty();
            }
        }
    }

    @Test
    void everyReferenceDataWriteHasAnAdminOnlyImpactPreviewAtBilling() {
        for (String path : List.of("/api/v1/billing/reference/storefronts/KE/versions/2099-01-01",
                "/api/v1/billing/reference/fx-rates/2099-01-01", "/api/v1/billing/reference/ppp-factors/TH/versions/2099-01-01",
                "/api/v1/billing/reference/tiers/standard/versions/2099-01-01")) {
            Route write = found("PUT", path).route();
            Route impact = found("POST", path + "/impact").route();
            assertThat(impact.upstream()).as(path).isEqualTo(Upstream.BILLING);
            assertThat(impact.access()).as(path + " is allowed to whom its PUT is").isEqualTo(write.access())
                    .isEqualTo(Access.roles("admin"));
        }
    }

    @Test
    void everyRouteIsListedOnce() {
        assertThat(RouteTable.ROUTES.stream().map(Route::toString)).doesNotHaveDuplicates();
    }
}
