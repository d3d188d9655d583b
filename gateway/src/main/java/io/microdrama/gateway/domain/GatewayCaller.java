package io.microdrama.gateway.domain;

import io.microdrama.contracts.regions.RegionGroups;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The caller as the token describes it: realm roles, {@code studio_id}, {@code regions} (groups such as EU expanded
 * to countries) and {@code languages}. Built once per request from the verified token.
 */
public record GatewayCaller(String name, Set<String> roles, Optional<String> studioId, Set<String> regions,
        Set<String> languages) {

    public static GatewayCaller of(String name, Set<String> roles, String studioId, List<String> regionClaim,
            List<String> languageClaim) {
        return new GatewayCaller(name, Set.copyOf(roles), Optional.ofNullable(studioId).filter(id -> !id.isBlank()),
                RegionGroups.expand(regionClaim), Set.copyOf(languageClaim));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    public boolean hasAnyOf(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** Admins reach every region; ops the countries of their token; nobody else any. */
    public boolean coversRegion(String country) {
        return isAdmin() || (has(Roles.OPS) && regions.contains(country));
    }

    public boolean coversLanguage(String language) {
        return LanguageScope.covers(languages, language);
    }
}
