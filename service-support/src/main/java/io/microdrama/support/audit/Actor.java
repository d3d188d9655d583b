package io.microdrama.support.audit;

import io.microdrama.support.security.CallerGrants;
import io.microdrama.support.security.Roles;

import java.util.List;

/**
 * Who performed an action, as the audit trail records it: the token's name and the role the caller acted in. The
 * API layer reads it from the caller and hands it to the use case, which records it with the action.
 */
public record Actor(String name, String role) {

    /** A caller holding several roles acts in the most privileged one. */
    private static final List<String> ROLES_BY_PRIVILEGE = List.of(Roles.ADMIN, Roles.OPS, Roles.LOCALIZER, Roles.STUDIO);

    public Actor {
        if (name == null || name.isBlank() || role == null || role.isBlank()) {
            throw new IllegalArgumentException("An actor needs a name and a role");
        }
    }

    public static Actor of(CallerGrants grants) {
        String role = ROLES_BY_PRIVILEGE.stream().filter(grants::has).findFirst().orElse("unknown");
        return new Actor(grants.name(), role);
    }
}
