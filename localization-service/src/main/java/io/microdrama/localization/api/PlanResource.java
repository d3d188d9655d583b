package io.microdrama.localization.api;

import io.microdrama.localization.application.PlanService;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** The localization plan of a drama: its studio and admins see every region, ops only their own regions. */
@Path("/api/v1/localization/dramas/{dramaId}/plan")
@RolesAllowed({ "studio", "ops", "admin" })
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService plans;
    private final Caller caller;

    public PlanResource(PlanService plans, Caller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    /** {@code approvalLanguages}: the required languages whose tracks count only once a person approved them. */
    public record RegionPlanView(String region, long dramaVersion, List<String> requiredLanguages,
            List<String> missingLanguages, List<String> availableLanguages, List<String> approvalLanguages, boolean ready,
            boolean closed) {
    }

    public record PlanView(String dramaId, List<RegionPlanView> regions) {
    }

    @GET
    public Uni<PlanView> plan(@PathParam("dramaId") UUID dramaId) {
        return plans.plans(dramaId)
                .map(regions -> {
                    List<RegionPlanView> visible = regions.stream()
                            .filter(plan -> caller.mayReadStudio(plan.studioId()) || caller.coversRegion(plan.region()))
                            .map(plan -> new RegionPlanView(plan.region(), plan.dramaVersion(), plan.requiredLanguages(),
                                    plan.missingLanguages(), plan.availableLanguages(), plan.approvalLanguages(), plan.ready(),
                                    plan.closed()))
                            .toList();
                    if (visible.isEmpty()) {
                        throw ProblemException.notFound("Localization plan of drama " + dramaId);
                    }
                    return new PlanView(dramaId.toString(), visible);
                });
    }
}
