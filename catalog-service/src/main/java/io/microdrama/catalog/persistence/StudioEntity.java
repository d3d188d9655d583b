package io.microdrama.catalog.persistence;

import io.microdrama.catalog.domain.Studio;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The {@code studio} table; {@link Studio} is the domain's view of a row. */
@Entity(name = "Studio")
@Table(name = "studio")
public class StudioEntity {

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

    Studio toDomain() {
        Studio studio = new Studio();
        studio.id = id;
        studio.name = name;
        studio.active = active;
        studio.registeredBy = registeredBy;
        studio.registeredAt = registeredAt;
        studio.updatedAt = updatedAt;
        return studio;
    }

    StudioEntity copy(Studio studio) {
        id = studio.id;
        name = studio.name;
        active = studio.active;
        registeredBy = studio.registeredBy;
        registeredAt = studio.registeredAt;
        updatedAt = studio.updatedAt;
        return this;
    }
}
