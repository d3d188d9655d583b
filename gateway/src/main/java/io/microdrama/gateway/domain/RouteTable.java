package io.microdrama.gateway.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.microdrama.support.security.Roles.ADMIN;
import static io.microdrama.support.security.Roles.LOCALIZER;
import static io.microdrama.support.security.Roles.OPS;
import static io.microdrama.support.security.Roles.STUDIO;
import static io.microdrama.gateway.domain.Upstream.BILLING;
import static io.microdrama.gateway.domain.Upstream.CATALOG;
import static io.microdrama.gateway.domain.Upstream.LOCALIZATION;

/**
 * Every route the gateway serves, in one table: the same list as {@code META-INF/openapi.yaml} (a test holds the
 * two together). A route goes to the service that owns the data; the studio subtitle routes share the prefix
 * {@code /api/v1/studio/dramas/} with catalog's and go to localization by their shape.
 */
public final class RouteTable {

    public static final List<Route> ROUTES = List.of(
            // Studio: its own dramas (catalog) and their subtitles (localization); the studio comes from the token.
            Route.of("GET", "/api/v1/studio/dramas", CATALOG, Access.studio()),
            Route.of("PUT", "/api/v1/studio/dramas/{externalId}", CATALOG, Access.studioPush()),
            Route.of("GET", "/api/v1/studio/dramas/{externalId}", CATALOG, Access.studio()),
            Route.of("POST", "/api/v1/studio/dramas/{externalId}/publish", CATALOG, Access.studioPush()),
            Route.of("POST", "/api/v1/studio/dramas/{externalId}/withdraw", CATALOG, Access.studioPush()),
            Route.of("PUT", "/api/v1/studio/dramas/{externalId}/episodes/{number}/subtitles/{language}", LOCALIZATION,
                    Access.studioPush()),
            Route.of("GET", "/api/v1/studio/dramas/{externalId}/episodes/{number}/subtitles/{language}", LOCALIZATION,
                    Access.studio()),
            Route.of("GET", "/api/v1/studio/dramas/{externalId}/subtitles", LOCALIZATION, Access.studio()),
            Route.of("POST", "/api/v1/studio/dramas/{externalId}/subtitles/{language}", LOCALIZATION, Access.studioPush()),

            // Regional ops: only in the regions of their token.
            Route.of("GET", "/api/v1/ops/regions/{region}/rollout", CATALOG, Access.opsInRegion()),
            Route.of("GET", "/api/v1/ops/dramas/{dramaId}", null, Access.roles(OPS, ADMIN)),
            Route.of("POST", "/api/v1/ops/regions/{region}/dramas/{dramaId}/hold", CATALOG, Access.opsInRegion()),
            Route.of("POST", "/api/v1/ops/regions/{region}/dramas/{dramaId}/release", CATALOG, Access.opsInRegion()),
            Route.of("GET", "/api/v1/ops/regions/{region}/dramas/{dramaId}/pricing", BILLING, Access.opsInRegion()),
            Route.of("PUT", "/api/v1/ops/regions/{region}/dramas/{dramaId}/pricing", BILLING, Access.opsInRegion()),
            Route.of("DELETE", "/api/v1/ops/regions/{region}/dramas/{dramaId}/pricing", BILLING, Access.opsInRegion()),
            Route.of("GET", "/api/v1/ops/regions/{region}/dramas/{dramaId}/pricing/audit", BILLING, Access.opsInRegion()),
            Route.of("GET", "/api/v1/ops/regions/{region}/offers", BILLING, Access.opsInRegion()),
            Route.of("GET", "/api/v1/ops/regions/{region}/repricing", BILLING, Access.opsInRegion()),

            // Localization by catalog's drama id: localizers in their languages; studios, ops and admins as the service allows.
            Route.of("GET", "/api/v1/localization/tasks", LOCALIZATION, Access.taskFilters()),
            Route.of("PUT", "/api/v1/localization/dramas/{dramaId}/episodes/{number}/subtitles/{language}", LOCALIZATION,
                    Access.language(LOCALIZER, STUDIO, ADMIN)),
            Route.of("GET", "/api/v1/localization/dramas/{dramaId}/episodes/{number}/subtitles/{language}", LOCALIZATION,
                    Access.language(LOCALIZER, STUDIO, OPS, ADMIN)),
            Route.of("GET", "/api/v1/localization/dramas/{dramaId}/subtitles", LOCALIZATION,
                    Access.roles(LOCALIZER, STUDIO, OPS, ADMIN)),
            // Approval before LIVE: ops and admins only; which regions want the language approved (and four-eyes) is
            // the service's to check, it knows where the drama is planned and who uploaded the track.
            Route.of("PUT", "/api/v1/localization/dramas/{dramaId}/episodes/{number}/subtitles/{language}/approval",
                    LOCALIZATION, Access.roles(OPS, ADMIN)),
            Route.of("PUT", "/api/v1/localization/dramas/{dramaId}/subtitles/{language}/approval", LOCALIZATION,
                    Access.roles(OPS, ADMIN)),
            Route.of("GET", "/api/v1/localization/dramas/{dramaId}/plan", LOCALIZATION, Access.roles(STUDIO, OPS, ADMIN)),
            Route.of("GET", "/api/v1/billing/dramas/{dramaId}/prices", BILLING, Access.roles(STUDIO, OPS, ADMIN)),

            // The audit trail of every service's ops and admin actions (catalog keeps it): admins all, ops their
            // regions, studios their own dramas.
            Route.of("GET", "/api/v1/audit", CATALOG, Access.auditFilters()),

            // Admins: studios, the region -> language policy, billing reference data.
            Route.of("GET", "/api/v1/admin/studios", CATALOG, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/admin/studios/{studioId}", CATALOG, Access.roles(ADMIN)),
            Route.of("PUT", "/api/v1/admin/studios/{studioId}", CATALOG, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/localization/policy", LOCALIZATION, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/localization/policy/changes", LOCALIZATION, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/localization/policy/regions/{region}", LOCALIZATION, Access.roles(ADMIN)),
            Route.of("PUT", "/api/v1/localization/policy/regions/{region}", LOCALIZATION, Access.roles(ADMIN)),
            Route.of("DELETE", "/api/v1/localization/policy/regions/{region}", LOCALIZATION, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/billing/repricing", BILLING, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/billing/reference/storefronts", BILLING, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/billing/reference/storefronts/{region}", BILLING, Access.roles(ADMIN)),
            Route.of("PUT", "/api/v1/billing/reference/storefronts/{region}/versions/{effectiveFrom}", BILLING,
                    Access.roles(ADMIN)),
            Route.of("POST", "/api/v1/billing/reference/storefronts/{region}/versions/{effectiveFrom}/impact", BILLING,
                    Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/billing/reference/fx-rates", BILLING, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/billing/reference/fx-rates/{currencyOrDate}", BILLING, Access.roles(ADMIN)),
            Route.of("PUT", "/api/v1/billing/reference/fx-rates/{currencyOrDate}", BILLING, Access.roles(ADMIN)),
            Route.of("POST", "/api/v1/billing/reference/fx-rates/{asOf}/impact", BILLING, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/billing/reference/ppp-factors", BILLING, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/billing/reference/ppp-factors/{region}", BILLING, Access.roles(ADMIN)),
            Route.of("PUT", "/api/v1/billing/reference/ppp-factors/{region}/versions/{effectiveFrom}", BILLING,
                    Access.roles(ADMIN)),
            Route.of("POST", "/api/v1/billing/reference/ppp-factors/{region}/versions/{effectiveFrom}/impact", BILLING,
                    Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/billing/reference/tiers", BILLING, Access.roles(ADMIN)),
            Route.of("GET", "/api/v1/billing/reference/tiers/{tier}", BILLING, Access.roles(ADMIN)),
            Route.of("PUT", "/api/v1/billing/reference/tiers/{tier}/versions/{effectiveFrom}", BILLING, Access.roles(ADMIN)),
            Route.of("POST", "/api/v1/billing/reference/tiers/{tier}/versions/{effectiveFrom}/impact", BILLING,
                    Access.roles(ADMIN)),

            // Storefront: anonymous and cacheable.
            Route.of("GET", "/api/v1/storefront/{region}/dramas", CATALOG, Access.anonymous()),
            Route.of("GET", "/api/v1/storefront/{region}/dramas/{dramaId}", CATALOG, Access.anonymous()),
            Route.of("GET", "/api/v1/storefront/{region}/dramas/{dramaId}/episodes/{number}/subtitles/{language}.vtt",
                    LOCALIZATION, Access.anonymous()),
            Route.of("GET", "/api/v1/storefront/{region}/offers", BILLING, Access.anonymous()));

    /** What a request path and method lead to. */
    public sealed interface Lookup permits Found, WrongMethod, NoRoute {
    }

    public record Found(Route route, Map<String, String> parameters) implements Lookup {
    }

    /** The path exists with other methods only (405 with Allow). */
    public record WrongMethod(Set<String> allowed) implements Lookup {
    }

    public record NoRoute() implements Lookup {
    }

    private RouteTable() {
    }

    /** The most specific route (most literal segments) for decoded path segments. */
    public static Lookup find(String method, List<String> segments) {
        Found best = null;
        Set<String> otherMethods = new TreeSet<>();
        for (Route route : ROUTES) {
            Optional<Map<String, String>> parameters = route.path().match(segments);
            if (parameters.isEmpty()) {
                continue;
            }
            if (!route.method().equals(method)) {
                otherMethods.add(route.method());
                continue;
            }
            if (best == null || route.path().literalSegments() > best.route().path().literalSegments()) {
                best = new Found(route, parameters.get());
            }
        }
        if (best != null) {
            return best;
        }
        return otherMethods.isEmpty() ? new NoRoute() : new WrongMethod(otherMethods);
    }

    public static List<Route> sorted() {
        return ROUTES.stream().sorted(Comparator.comparing((Route r) -> r.path().text()).thenComparing(Route::method)).toList();
    }
}
