package io.microdrama.support.security;

/** Realm roles of the microdrama Keycloak realm, the same names in the gateway and in every service. */
public final class Roles {

    public static final String STUDIO = "studio";
    public static final String OPS = "ops";
    public static final String LOCALIZER = "localizer";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
