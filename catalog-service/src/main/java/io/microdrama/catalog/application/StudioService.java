package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.CatalogException;
import io.microdrama.catalog.domain.Studio;
import io.microdrama.catalog.persistence.StudioRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;

/** Admin use cases for partner studios: register, rename, deactivate, list. */
@ApplicationScoped
public class StudioService {

    private final Mutiny.SessionFactory sessions;
    private final StudioRepository studios;
    private final Clock clock;

    public StudioService(Mutiny.SessionFactory sessions, StudioRepository studios, Clock clock) {
        this.sessions = sessions;
        this.studios = studios;
        this.clock = clock;
    }

    public record Registration(Studio studio, boolean created) {
    }

    /** Registers or updates a studio; the same request twice changes nothing. */
    public Uni<Registration> register(String id, String name, boolean active, String by) {
        return sessions.withTransaction(session -> studios.find(session, id).flatMap(existing -> {
            if (existing == null) {
                Studio studio = Studio.register(id, name, by, clock.instant());
                studio.active = active;
                return studios.insert(session, studio).replaceWith(new Registration(studio, true));
            }
            Uni<Void> write = existing.update(name, active, clock.instant()) ? studios.update(session, existing)
                    : Uni.createFrom().voidItem();
            return write.replaceWith(new Registration(existing, false));
        }));
    }

    public Uni<Studio> find(String id) {
        return sessions.withSession(session -> studios.find(session, id)).map(studio -> {
            if (studio == null) {
                throw CatalogException.notFound("Studio '" + id + "'");
            }
            return studio;
        });
    }

    public Uni<List<Studio>> list() {
        return sessions.withSession(studios::list);
    }
}
