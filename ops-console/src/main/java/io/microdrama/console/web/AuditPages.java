package io.microdrama.console.web;

import io.microdrama.console.gateway.Gateway;
import io.microdrama.console.gateway.GatewayProblem;
import io.microdrama.console.view.AuditTrailView;
import io.microdrama.console.view.ProblemWords;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The platform's audit trail, filtered by region, actor and drama and paged: admins see every record, ops the
 * records touching their regions (the gateway answers 403 for a region outside them, shown in words here).
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    private final Gateway gateway;
    private final CurrentCaller caller;
    private final Template audit;

    @Inject
    public AuditPages(Gateway gateway, CurrentCaller caller, @Location("audit") Template audit) {
        this.gateway = gateway;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    public Response audit(@RestQuery String region, @RestQuery String actor, @RestQuery String dramaId,
            @RestQuery @DefaultValue("0") int page) {
        AuditTrailView.Parsed parsed = AuditTrailView.parse(region, actor, dramaId, page);
        if (!parsed.valid()) {
            return page(parsed.filter(), null, new ProblemWords.Explanation(422, "Some filters need correcting.", null,
                    parsed.errors()), 422);
        }
        AuditTrailView.Filter filter = parsed.filter();
        try {
            AuditTrailView.Page records = AuditTrailView.page(filter, gateway.call(api -> api.audit(filter.dramaId(),
                    filter.region(), filter.actor(), filter.page(), AuditTrailView.PAGE_SIZE)));
            return page(filter, records, null, 200);
        } catch (GatewayProblem problem) {
            // The filters stay on the page, so a 403 for another region can be corrected where it was typed.
            return page(filter, null, ProblemWords.explain(problem.status(), problem.body()),
                    problem.status() == 0 || problem.status() >= 500 ? 502 : problem.status());
        }
    }

    private Response page(AuditTrailView.Filter filter, AuditTrailView.Page records, ProblemWords.Explanation problem,
            int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(audit.data("caller", caller.get())
                .data("filter", filter).data("records", records).data("outcome", null).data("problem", problem).render()).build();
    }
}
