package io.microdrama.catalog.domain;

import io.microdrama.catalog.messaging.DramaEvents;
import io.microdrama.catalog.persistence.DramaRepository;
import io.microdrama.support.outbox.Outbox;
import io.microdrama.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Studio-side use cases. Each runs in one transaction; publishing writes the new rollout rows and the
 * {@code drama.published} outbox row together, so the event exists exactly when the state change does.
 */
@ApplicationScoped
public class DramaService {

    private final Mutiny.SessionFactory sessions;
    private final DramaRepository dramas;
    private final Outbox outbox;
    private final Clock clock;

    public DramaService(Mutiny.SessionFactory sessions, DramaRepository dramas, Outbox outbox, Clock clock) {
        this.sessions = sessions;
        this.dramas = dramas;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record UpsertResult(Drama drama, boolean created, boolean changed) {
    }

    public record DramaWithRollout(Drama drama, List<RegionalRollout> rollout) {
    }

    /** Creates or replaces the drama's content; the same content twice changes nothing. */
    public Uni<UpsertResult> upsert(String studioId, String externalId, DramaContent content, Long expectedRevision) {
        return sessions.withTransaction(session -> dramas.findByExternalId(session, studioId, externalId)
                .flatMap(existing -> {
                    if (existing == null) {
                        Drama drama = Drama.draft(studioId, externalId);
                        drama.applyContent(content, clock.instant());
                        return session.persist(drama).replaceWith(new UpsertResult(drama, true, true));
                    }
                    if (expectedRevision != null && expectedRevision != existing.revision) {
                        throw new ProblemException(412, "Precondition Failed", "The drama changed since revision "
                                + expectedRevision + " (now " + existing.revision + "); read it again and retry");
                    }
                    boolean changed = existing.applyContent(content, clock.instant());
                    return Uni.createFrom().item(new UpsertResult(existing, false, changed));
                }));
    }

    public Uni<DramaWithRollout> publish(String studioId, String externalId) {
        return sessions.withTransaction(session -> requireDrama(session, studioId, externalId).flatMap(drama -> {
            drama.publish(clock.instant());
            return dramas.rolloutOfForUpdate(session, drama.id)
                    .flatMap(existing -> syncRollout(session, drama, existing))
                    .call(rollout -> outbox.append(session, DramaEvents.TOPIC, DramaEvents.AGGREGATE, drama.id.toString(),
                            DramaEvents.PUBLISHED, DramaEvents.published(drama, clock.instant())))
                    .map(rollout -> new DramaWithRollout(drama, rollout));
        }));
    }

    public Uni<DramaWithRollout> withdraw(String studioId, String externalId) {
        return sessions.withTransaction(session -> requireDrama(session, studioId, externalId).flatMap(drama -> {
            if (drama.status != DramaStatus.PUBLISHED) {
                throw ProblemException.conflict("Only a published drama can be withdrawn (it is " + drama.status + ")");
            }
            drama.withdraw(clock.instant());
            return dramas.rolloutOfForUpdate(session, drama.id)
                    .invoke(rollout -> rollout.forEach(region -> region.withdrawn = true))
                    .call(rollout -> outbox.append(session, DramaEvents.TOPIC, DramaEvents.AGGREGATE, drama.id.toString(),
                            DramaEvents.WITHDRAWN, DramaEvents.withdrawn(drama, clock.instant())))
                    .map(rollout -> new DramaWithRollout(drama, rollout));
        }));
    }

    public Uni<DramaWithRollout> find(String studioId, String externalId) {
        return sessions.withSession(session -> requireDrama(session, studioId, externalId)
                .flatMap(drama -> dramas.rolloutOf(session, drama.id).map(rollout -> new DramaWithRollout(drama, rollout))));
    }

    /** One rollout row per licensed country; countries no longer licensed lose their row (NOT_LICENSED). */
    private Uni<List<RegionalRollout>> syncRollout(Mutiny.Session session, Drama drama, List<RegionalRollout> existing) {
        Map<String, Licence> licensed = drama.licences.stream()
                .collect(Collectors.toMap(Licence::region, Function.identity(), (first, second) -> first));
        Map<String, RegionalRollout> current = existing.stream()
                .collect(Collectors.toMap(rollout -> rollout.key.region(), Function.identity()));
        Set<String> dropped = current.keySet().stream().filter(region -> !licensed.containsKey(region)).collect(Collectors.toSet());
        List<RegionalRollout> result = licensed.values().stream().map(licence -> {
            RegionalRollout rollout = current.getOrDefault(licence.region(), RegionalRollout.of(drama.id, licence.region()));
            rollout.licensedFor(drama.dramaVersion, licence);
            return rollout;
        }).toList();
        Uni<Void> removals = dropped.isEmpty() ? Uni.createFrom().voidItem()
                : session.removeAll(dropped.stream().map(current::get).toArray());
        return removals.chain(() -> session.persistAll(result.stream().filter(r -> !current.containsKey(r.key.region())).toArray()))
                .replaceWith(result);
    }

    private Uni<Drama> requireDrama(Mutiny.Session session, String studioId, String externalId) {
        return dramas.findByExternalId(session, studioId, externalId).map(drama -> {
            if (drama == null) {
                throw ProblemException.notFound("Drama '" + externalId + "'");
            }
            return drama;
        });
    }
}
