package io.microdrama.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A partner studio as registered by an admin. Its id is the {@code studio_id} its Keycloak client puts into every
 * token; a token for an unregistered or deactivated studio may read but not change anything.
 */
@Entity
@Table(name = "studio")
public class Studio {

    @Id
    public String id;
    public String name;
    public boolean active;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "updated_at")
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
}
