package io.microdrama.gateway.domain;

import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.support.security.CallerGrants;
import io.microdrama.support.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's check of a caller against a route, before anything is forwarded. Refusals say what was refused
 * (the role, the region, the language of this request), never what exists elsewhere. Ownership of a drama is the
 * services' to check: a studio asking for another studio's drama gets the service's 404, not a 403 from here.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /**
     * @param caller null for an anonymous request
     * @throws GatewayException 401 without a caller, 403 for a role or scope the token lacks, 404 for a region that is
     *         no country
     */
    public static void check(Route route, Map<String, String> parameters, Map<String, List<String>> query,
            CallerGrants caller) {
        Access access = route.access();
        if (access.isPublic()) {
            return;
        }
        if (caller == null) {
            throw GatewayException.unauthenticated();
        }
        if (!caller.hasAnyOf(access.roles())) {
            throw GatewayException.forbidden("This operation needs the role " + String.join(" or ", new TreeSet<>(access.roles()))
                    + "; your token has none of them");
        }
        switch (access.scope()) {
            case STUDIO, STUDIO_PUSH -> {
                if (caller.studioId().isEmpty()) {
                    throw GatewayException.forbidden("Your token carries no studio_id");
                }
            }
            case REGION -> requireRegion(caller, parameters.get("region"));
            case LANGUAGE -> {
                if (actsOnlyAsLocalizer(caller, access.roles())) {
                    requireLanguage(caller, LanguageScope.withoutFileSuffix(parameters.get("language")));
                }
            }
            case TASK_FILTERS -> checkTaskFilters(caller, first(query, "language"), first(query, "region"));
            case AUDIT_FILTERS -> checkAuditFilters(caller, first(query, "region"));
            case ROLES, PUBLIC -> {
                // the role is all the gateway can check; the service narrows the answer
            }
        }
    }

    private static void requireRegion(CallerGrants caller, String region) {
        if (caller.isAdmin()) {
            return;
        }
        if (!RegionGroups.isCountry(region)) {
            throw GatewayException.notFound("Region '" + region + "' is not an ISO 3166-1 country code");
        }
        if (!caller.coversRegion(region)) {
            throw GatewayException.forbidden("Your token does not cover region " + region);
        }
    }

    /** Admins, studios (and ops for reads) are allowed for other reasons; a plain localizer by language only. */
    private static boolean actsOnlyAsLocalizer(CallerGrants caller, Set<String> allowed) {
        return allowed.stream().filter(role -> !role.equals(Roles.LOCALIZER)).noneMatch(caller::has);
    }

    private static void requireLanguage(CallerGrants caller, String language) {
        if (LanguageScope.canonical(language).isEmpty()) {
            return; // not a language tag: the service answers 400 with the field named
        }
        if (!LanguageScope.covers(caller.languages(), language)) {
            throw GatewayException.forbidden("Your token's languages do not include " + language);
        }
    }

    /** Same rule as localization's task list: a filter outside the caller's reach is refused, not silently emptied. */
    private static void checkTaskFilters(CallerGrants caller, String language, String region) {
        if (caller.isAdmin()) {
            return;
        }
        if (language != null && !caller.has(Roles.OPS) && LanguageScope.canonical(language).isPresent()
                && !LanguageScope.covers(caller.languages(), language)) {
            throw GatewayException.forbidden("Your token's languages do not include " + language);
        }
        if (region != null && !caller.has(Roles.LOCALIZER) && RegionGroups.isCountry(region) && !caller.coversRegion(region)) {
            throw GatewayException.forbidden("Your token does not cover region " + region);
        }
    }

    /** Same rule as catalog's audit trail: ops (not admins) see only their regions, so a filter beyond them is 403. */
    private static void checkAuditFilters(CallerGrants caller, String region) {
        if (caller.isAdmin() || !caller.has(Roles.OPS)) {
            return; // admins see everything; a studio's records are narrowed to its studio by catalog
        }
        if (region != null && RegionGroups.isCountry(region) && !caller.coversRegion(region)) {
            throw GatewayException.forbidden("Your token does not cover region " + region);
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }
}
