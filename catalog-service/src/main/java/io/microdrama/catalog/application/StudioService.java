package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.CatalogException;
import io.microdrama.catalog.domain.Studio;
import io.microdrama.catalog.persistence.StudioRepository;
import io.microdrama.contracts.events.AuditRecorded.Action;
import io.microdrama.support.audit.Actor;
import io.microdrama.support.audit.AuditChanges;
import io.microdrama.support.audit.AuditTrail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Admin use cases for partner studios: register, rename, deactivate, list. */
@ApplicationScoped
public class StudioService {

    private final Mutiny.SessionFactory sessions;
    private final StudioRepository studios;
    private final Clock clock;
    private final AuditTrail audit;

    public StudioService(Mutiny.SessionFactory sessions, StudioRepository studios, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.studios = studios;
        this.clock = clock;
    }

    public record Registration(Studio studio, boolean created) {
    }

    /** Registers or updates a studio; the same request twice changes nothing. */
    public Uni<Registration> register(String id, String name, boolean active, Actor actor) {
        return sessions.withTransaction(session -> studios.find(session, id).flatMap(existing -> {
            if (existing == null) {
                Studio studio = Studio.register(id, name, actor.name(), clock.instant());
                studio.active = active;
                return studios.insert(session, studio)
                        .call(() -> audit.record(session, actor, Action.STUDIO_REGISTERED, CatalogAudit.studio(id), null,
                                AuditChanges.of(null, CatalogAudit.studio(studio))))
                        .replaceWith(new Registration(studio, true));
            }
            Map<String, Object> before = CatalogAudit.studio(existing);
            if (!existing.update(name, active, clock.instant())) {
                return Uni.createFrom().item(new Registration(existing, false));
            }
            return studios.update(session, existing)
                    .call(() -> audit.record(session, actor, Action.STUDIO_CHANGED, CatalogAudit.studio(id), null,
                            AuditChanges.of(before, CatalogAudit.studio(existing))))
                    .replaceWith(new Registration(existing, false));
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
