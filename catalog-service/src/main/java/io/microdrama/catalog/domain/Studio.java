package io.microdrama.catalog.domain;

import java.time.Instant;

/**
 * A partner studio as registered by an admin. Its id is the {@code studio_id} its Keycloak client puts into every
 * token; a token for an unregistered or deactivated studio may read but not change anything.
 */
public class Studio {

    public String id;
    public String name;
    public boolean active;
    public String registeredBy;
    public Instant registeredAt;
    public Instant updatedAt;

    public static Studio register(String id, String name, String by, Instant now) {
        Studio studio = new Studio();
        studio.id = id;
        studio.name = name;
        studio.active = true;
        studio.registeredBy = by;
        studio.registeredAt = now;
        studio.updatedAt = now;
        return studio;
    }

    /** Returns false when nothing differs, so registering the same studio twice is a no-op. */
    public boolean update(String name, boolean active, Instant now) {
        if (name.equals(this.name) && active == this.active) {
            return false;
        }
        this.name = name;
        this.active = active;
        this.updatedAt = now;
        return true;
    }

    /** Only a registered, active studio may change content; reads stay open so a studio can see what it had. */
    public static void requireActive(Studio studio, String studioId) {
        if (studio == null || !studio.active) {
            throw CatalogException.notAllowed("Studio '" + studioId + "' is not " + (studio == null
                    ? "registered with the platform; ask a platform admin to register it" : "active"));
        }
    }
}
