package io.microdrama.catalog.persistence;

import io.microdrama.catalog.domain.Studio;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Every query on {@code studio}; callers get and give the plain {@link Studio}. */
@ApplicationScoped
public class StudioRepository {

    /** The studio, or null when none is registered under this id. */
    public Uni<Studio> find(Mutiny.Session session, String id) {
        return session.find(StudioEntity.class, id).map(entity -> entity == null ? null : entity.toDomain());
    }

    public Uni<List<Studio>> list(Mutiny.Session session) {
        return session.createSelectionQuery("from Studio order by id", StudioEntity.class).getResultList()
                .map(entities -> entities.stream().map(StudioEntity::toDomain).toList());
    }

    public Uni<Void> insert(Mutiny.Session session, Studio studio) {
        return session.persist(new StudioEntity().copy(studio));
    }

    /** Writes a changed studio this session loaded before (at the end of the transaction). */
    public Uni<Void> update(Mutiny.Session session, Studio studio) {
        return session.find(StudioEntity.class, studio.id).invoke(entity -> entity.copy(studio)).replaceWithVoid();
    }
}
