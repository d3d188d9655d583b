package io.microdrama.catalog.domain;

import io.microdrama.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;

/** Admin use cases for partner studios: register, rename, deactivate, list. */
@ApplicationScoped
public class StudioService {

    private final Mutiny.SessionFactory sessions;
    private final Clock clock;

    public StudioService(Mutiny.SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public record Registration(Studio studio, boolean created) {
    }

    /** Registers or updates a studio; the same request twice changes nothing. */
    public Uni<Registration> register(String id, String name, boolean active, String by) {
        return sessions.withTransaction(session -> session.find(Studio.class, id).flatMap(existing -> {
            if (existing == null) {
                Studio studio = Studio.register(id, name, by, clock.instant());
                studio.active = active;
                return session.persist(studio).replaceWith(new Registration(studio, true));
            }
            existing.update(name, active, clock.instant());
            return Uni.createFrom().item(new Registration(existing, false));
        }));
    }

    public Uni<Studio> find(String id) {
        return sessions.withSession(session -> session.find(Studio.class, id)).map(studio -> {
            if (studio == null) {
                throw ProblemException.notFound("Studio '" + id + "'");
            }
            return studio;
        });
    }

    public Uni<List<Studio>> list() {
        return sessions.withSession(session -> session.createSelectionQuery("from Studio order by id", Studio.class)
                .getResultList());
    }
}
