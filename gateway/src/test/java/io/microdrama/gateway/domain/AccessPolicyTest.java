package io.microdrama.gateway.domain;

import io.microdrama.support.security.CallerGrants;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The gateway's own scope rules, one caller and one route at a time (the e2e matrix runs them with real tokens). */
class AccessPolicyTest {

    static final CallerGrants AURORA = CallerGrants.of("aurora", Set.of("studio"), "aurora", List.of(), List.of());
    static final CallerGrants STUDIO_WITHOUT_ID = CallerGrants.of("odd", Set.of("studio"), null, List.of(), List.of());
    static final CallerGrants OPS_EU = CallerGrants.of("ops-eu", Set.of("ops"), null, List.of("EU", "GB"), List.of());
    static final CallerGrants OPS_NA = CallerGrants.of("ops-na", Set.of("ops"), null, List.of("US", "CA", "MX"), List.of());
    static final CallerGrants CJK = CallerGrants.of("cjk", Set.of("localizer"), null, List.of(),
            List.of("ja", "ko", "zh-Hans", "zh-Hant"));
    static final CallerGrants SPANISH = CallerGrants.of("es", Set.of("localizer"), null, List.of(), List.of("es"));
    static final CallerGrants ADMIN = CallerGrants.of("admin", Set.of("admin"), null, List.of(), List.of());

    private static int status(String method, String path, CallerGrants caller) {
        String[] pathAndQuery = path.split("\\?", 2);
        RouteTable.Found found = (RouteTable.Found) RouteTable.find(method,
                Arrays.asList(pathAndQuery[0].substring(1).split("/")));
        Map<String, List<String>> query = pathAndQuery.length == 1 ? Map.of()
                : Map.of(pathAndQuery[1].split("=")[0], List.of(pathAndQuery[1].split("=")[1]));
        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> AccessPolicy.check(found.route(), found.parameters(), query, caller));
        return refused == null ? 200 : refused.status();
    }

    @Test
    void anonymousCallersReachOnlyTheStorefront() {
        assertThat(status("GET", "/api/v1/storefront/DE/dramas", null)).isEqualTo(200);
        assertThat(status("GET", "/api/v1/studio/dramas", null)).isEqualTo(401);
        assertThat(status("GET", "/api/v1/ops/regions/DE/rollout", null)).isEqualTo(401);
    }

    @Test
    void subtitleApprovalsAreForOpsAndAdminsNeverLocalizersOrStudios() {
        for (String path : List.of("/api/v1/localization/dramas/d1/episodes/1/subtitles/ja/approval",
                "/api/v1/localization/dramas/d1/subtitles/ja/approval")) {
            assertThat(status("PUT", path, OPS_EU)).as("which regions want ja approved is the service's check").isEqualTo(200);
            assertThat(status("PUT", path, ADMIN)).isEqualTo(200);
            assertThat(status("PUT", path, CJK)).as("a localizer, even of the language").isEqualTo(403);
            assertThat(status("PUT", path, AURORA)).isEqualTo(403);
            assertThat(status("PUT", path, null)).isEqualTo(401);
        }
    }

    @Test
    void opsRegionsExpandGroupsAndRefuseOtherCountriesNamingOnlyThatCountry() {
        assertThat(status("GET", "/api/v1/ops/regions/DE/rollout", OPS_EU)).as("DE is in EU").isEqualTo(200);
        assertThat(status("GET", "/api/v1/ops/regions/GB/offers", OPS_EU)).isEqualTo(200);
        assertThat(status("POST", "/api/v1/ops/regions/US/dramas/d1/hold", OPS_EU)).isEqualTo(403);
        assertThat(status("PUT", "/api/v1/ops/regions/US/dramas/d1/pricing", OPS_NA)).isEqualTo(200);
        assertThat(status("GET", "/api/v1/ops/regions/EU/rollout", OPS_EU)).as("a group is no country").isEqualTo(404);
        assertThat(status("GET", "/api/v1/ops/regions/JP/rollout", ADMIN)).isEqualTo(200);
        GatewayException refused = catchThrowableOfType(GatewayException.class, () -> {
            RouteTable.Found found = (RouteTable.Found) RouteTable.find("GET", List.of("api", "v1", "ops", "regions", "JP", "rollout"));
            AccessPolicy.check(found.route(), found.parameters(), Map.of(), OPS_EU);
        });
        assertThat(refused.getMessage()).isEqualTo("Your token does not cover region JP");
    }

    @Test
    void rolesAreCheckedBeforeScopes() {
        assertThat(status("GET", "/api/v1/ops/regions/DE/rollout", AURORA)).isEqualTo(403);
        assertThat(status("GET", "/api/v1/studio/dramas", OPS_EU)).isEqualTo(403);
        assertThat(status("GET", "/api/v1/studio/dramas", ADMIN)).as("admins do not act as a studio").isEqualTo(403);
        assertThat(status("GET", "/api/v1/admin/studios", OPS_EU)).isEqualTo(403);
        assertThat(status("GET", "/api/v1/billing/dramas/d1/prices", CJK)).isEqualTo(403);
    }

    @Test
    void aStudioTokenWithoutStudioIdIsRefused() {
        assertThat(status("GET", "/api/v1/studio/dramas", AURORA)).isEqualTo(200);
        assertThat(status("PUT", "/api/v1/studio/dramas/x", STUDIO_WITHOUT_ID)).isEqualTo(403);
    }

    @Test
    void localizersWorkInTheirLanguagesIncludingMoreSpecificTags() {
        String upload = "/api/v1/localization/dramas/d1/episodes/1/subtitles/";
        assertThat(status("PUT", upload + "ja", CJK)).isEqualTo(200);
        assertThat(status("PUT", upload + "ja.vtt", CJK)).isEqualTo(200);
        assertThat(status("PUT", upload + "zh-hant-TW.srt", CJK)).as("zh-Hant covers zh-Hant-TW").isEqualTo(200);
        assertThat(status("PUT", upload + "de", CJK)).isEqualTo(403);
        assertThat(status("PUT", upload + "es-419", SPANISH)).as("es covers es-419").isEqualTo(200);
        assertThat(status("PUT", upload + "pt", SPANISH)).isEqualTo(403);
        assertThat(status("GET", upload + "de.json", CJK)).isEqualTo(403);
        // Studios and ops are allowed here for other reasons; the service decides by ownership / planned regions.
        assertThat(status("PUT", upload + "de", AURORA)).isEqualTo(200);
        assertThat(status("GET", upload + "de", OPS_EU)).isEqualTo(200);
        assertThat(status("PUT", upload + "de", OPS_EU)).isEqualTo(403);
        assertThat(status("PUT", upload + "not a tag!", CJK)).as("the service answers 400 for a non-tag").isEqualTo(200);
    }

    @Test
    void taskFiltersStayWithinTheCallersLanguagesAndRegions() {
        assertThat(status("GET", "/api/v1/localization/tasks", CJK)).isEqualTo(200);
        assertThat(status("GET", "/api/v1/localization/tasks?language=ko", CJK)).isEqualTo(200);
        assertThat(status("GET", "/api/v1/localization/tasks?language=ar", CJK)).isEqualTo(403);
        assertThat(status("GET", "/api/v1/localization/tasks?region=FR", OPS_EU)).isEqualTo(200);
        assertThat(status("GET", "/api/v1/localization/tasks?region=US", OPS_EU)).isEqualTo(403);
        assertThat(status("GET", "/api/v1/localization/tasks?region=US", CJK)).as("localizers work for any region").isEqualTo(200);
        assertThat(status("GET", "/api/v1/localization/tasks?language=ar", ADMIN)).isEqualTo(200);
        assertThat(status("GET", "/api/v1/localization/tasks", AURORA)).isEqualTo(403);
    }

    @Test
    void auditRegionFilterStaysWithinAnOpsCallersRegions() {
        assertThat(status("GET", "/api/v1/audit", OPS_EU)).isEqualTo(200);
        assertThat(status("GET", "/api/v1/audit?region=GB", OPS_EU)).isEqualTo(200);
        assertThat(status("GET", "/api/v1/audit?region=US", OPS_EU)).isEqualTo(403);
        assertThat(status("GET", "/api/v1/audit?region=US", ADMIN)).isEqualTo(200);
        assertThat(status("GET", "/api/v1/audit?region=US", AURORA)).as("catalog narrows a studio to its own records")
                .isEqualTo(200);
        assertThat(status("GET", "/api/v1/audit", CJK)).isEqualTo(403);
        assertThat(status("GET", "/api/v1/audit", null)).isEqualTo(401);
    }

    @Test
    void storefrontNeedsNoCaller() {
        assertThatCode(() -> status("GET", "/api/v1/storefront/DE/offers", null)).doesNotThrowAnyException();
    }
}
