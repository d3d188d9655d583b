package io.microdrama.support.security;

import io.microdrama.contracts.regions.RegionGroups;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a verified token grants its bearer: realm roles, the {@code studio_id} a studio acts for, the {@code regions}
 * an ops user covers (groups such as {@code EU} expanded to countries) and the {@code languages} of a localizer.
 * Plain Java, so the gateway's access rules (its {@code domain}) and the services' {@link Caller} read one shape.
 * Language coverage is not decided here: it follows the language-tag rule, which has its own home.
 */
public record CallerGrants(String name, Set<String> roles, Optional<String> studioId, Set<String> regions,
        Set<String> languages) {

    public CallerGrants {
        roles = Set.copyOf(roles);
        regions = Set.copyOf(regions);
        languages = Set.copyOf(languages);
    }

    /** From the token's claims as they come: a blank {@code studio_id} counts as none, region groups are expanded. */
    public static CallerGrants of(String name, Collection<String> roles, String studioId, List<String> regionClaim,
            List<String> languageClaim) {
        return new CallerGrants(name, Set.copyOf(roles), Optional.ofNullable(studioId).filter(id -> !id.isBlank()),
                RegionGroups.expand(regionClaim), Set.copyOf(languageClaim));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    public boolean hasAnyOf(Collection<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** Admins reach every region; ops the countries of their token; nobody else any. */
    public boolean coversRegion(String country) {
        return isAdmin() || (has(Roles.OPS) && regions.contains(country));
    }

    /** Admins read every studio's data; a studio only its own. */
    public boolean mayReadStudio(String wantedStudioId) {
        return isAdmin() || (has(Roles.STUDIO) && studioId.map(wantedStudioId::equals).orElse(false));
    }
}
