package io.microdrama.localization.application;

import io.microdrama.localization.domain.PlanStatus;
import io.microdrama.localization.persistence.DramaRepository;
import io.microdrama.localization.persistence.RegionPlan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/** Reading a drama's localization plan: one status per region, in region order. */
@ApplicationScoped
public class PlanService {

    private final Mutiny.SessionFactory sessions;
    private final DramaRepository dramas;

    public PlanService(Mutiny.SessionFactory sessions, DramaRepository dramas) {
        this.sessions = sessions;
        this.dramas = dramas;
    }

    /** Every region's plan of the drama (closed ones included); empty when the drama was never planned. */
    public Uni<List<PlanStatus>> plans(UUID dramaId) {
        return sessions.withSession(session -> dramas.plansOf(session, dramaId))
                .map(plans -> plans.stream().map(RegionPlan::status).toList());
    }
}
