package io.microdrama.gateway.domain;

import io.microdrama.support.security.Roles;

import java.util.Set;

/**
 * Who may call a route, as far as the gateway can tell from the token and the request alone. What only the
 * services know (which studio owns a drama, where it is licensed) they check themselves.
 */
public record Access(Scope scope, Set<String> roles) {

    public enum Scope {
        /** Anonymous; rate limited per client address; the caller's token is not forwarded. */
        PUBLIC,
        /** One of the roles; the service narrows the answer to what the caller may see. */
        ROLES,
        /** Role studio and a {@code studio_id} in the token (the service reads the studio from it, never the path). */
        STUDIO,
        /** As STUDIO, and a change: rate limited per studio. */
        STUDIO_PUSH,
        /** One of the roles; a caller that is not admin must have the path's {@code {region}} in its regions. */
        REGION,
        /** One of the roles; a caller allowed only as localizer must have the path's {@code {language}}. */
        LANGUAGE,
        /** Open tasks: {@code ?language=} within a localizer's languages, {@code ?region=} within ops' regions. */
        TASK_FILTERS,
        /** The audit trail: a {@code ?region=} filter of a caller acting as ops must be within its regions. */
        AUDIT_FILTERS
    }

    public static Access anonymous() {
        return new Access(Scope.PUBLIC, Set.of());
    }

    public static Access studio() {
        return new Access(Scope.STUDIO, Set.of(Roles.STUDIO));
    }

    public static Access studioPush() {
        return new Access(Scope.STUDIO_PUSH, Set.of(Roles.STUDIO));
    }

    public static Access opsInRegion() {
        return new Access(Scope.REGION, Set.of(Roles.OPS, Roles.ADMIN));
    }

    public static Access roles(String... roles) {
        return new Access(Scope.ROLES, Set.of(roles));
    }

    public static Access language(String... roles) {
        return new Access(Scope.LANGUAGE, Set.of(roles));
    }

    public static Access taskFilters() {
        return new Access(Scope.TASK_FILTERS, Set.of(Roles.LOCALIZER, Roles.OPS, Roles.ADMIN));
    }

    public static Access auditFilters() {
        return new Access(Scope.AUDIT_FILTERS, Set.of(Roles.ADMIN, Roles.OPS, Roles.STUDIO));
    }

    public boolean isPublic() {
        return scope == Scope.PUBLIC;
    }
}
