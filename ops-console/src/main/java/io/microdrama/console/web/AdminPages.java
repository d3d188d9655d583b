package io.microdrama.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.console.gateway.Gateway;
import io.microdrama.console.gateway.GatewayApi;
import io.microdrama.console.gateway.GatewayProblem;
import io.microdrama.console.view.AdminViews;
import io.microdrama.console.view.ProblemWords;
import io.microdrama.console.view.ReferenceImpact;
import io.microdrama.console.view.ReferenceProposal;
import io.microdrama.console.view.ReferenceTable;
import io.microdrama.console.view.Views;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Admins: registered studios, the region → subtitle language policy, billing reference data and its changes (each
 * previewed with billing's impact answer before the Save form is offered).
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    private static final Pattern REFERENCE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern REGION_OR_GROUP = Pattern.compile("EU|[A-Z]{2,}");

    private final Gateway gateway;
    private final CurrentCaller caller;
    private final Template studios;
    private final Template policy;
    private final Template reference;
    private final Template referenceImpact;
    private final Template studio;
    private final Template repricing;
    private final Template policyChanges;
    private final Template regionPolicy;

    @Inject
    public AdminPages(Gateway gateway, CurrentCaller caller, @Location("studios") Template studios, @Location("policy") Template policy,
            @Location("reference") Template reference, @Location("referenceImpact") Template referenceImpact,
            @Location("studio") Template studio, @Location("repricingStatus") Template repricing,
            @Location("policyChanges") Template policyChanges, @Location("regionPolicy") Template regionPolicy) {
        this.studio = studio;
        this.repricing = repricing;
        this.policyChanges = policyChanges;
        this.regionPolicy = regionPolicy;
        this.reference = reference;
        this.referenceImpact = referenceImpact;
        this.gateway = gateway;
        this.caller = caller;
        this.studios = studios;
        this.policy = policy;
    }

    @GET
    @Path("studios")
    public TemplateInstance studios() {
        return studiosPage(AdminViews.studioForm("", "", "on").withoutErrors(), null);
    }

    private TemplateInstance studiosPage(AdminViews.StudioForm form, ProblemWords.Explanation problem) {
        return studios.data("caller", caller.get()).data("studios", Views.studios(gateway.call(api -> api.studios())))
                .data("form", form).data("outcome", null).data("problem", problem);
    }

    /** One studio, with the form to rename it or change whether it is active. */
    @GET
    @Path("studios/{studioId}")
    public TemplateInstance studio(@RestPath String studioId) {
        if (!AdminViews.isStudioId(studioId)) {
            throw new GatewayProblem(404, null, "not a studio id");
        }
        return studio.data("caller", caller.get()).data("studio", AdminViews.studio(gateway.call(api -> api.studio(studioId))))
                .data("outcome", null).data("problem", null);
    }

    /**
     * Registers a studio or updates one (the same PUT): the answer is shown on the studio's page; a refusal comes back
     * on the studios page with the form as typed.
     */
    @POST
    @Path("studios/register")
    public Response registerStudio(@RestForm String id, @RestForm String name, @RestForm String active) {
        AdminViews.StudioForm form = AdminViews.studioForm(id, name, active);
        if (!form.valid()) {
            return answer(studiosPage(form, new ProblemWords.Explanation(422, "The studio cannot be saved as entered.",
                    null, form.errors())), 422);
        }
        try {
            JsonNode saved = gateway.call(api -> api.registerStudio(form.id(),
                    new GatewayApi.StudioRegistration(form.name(), form.active())));
            return answer(studio.data("caller", caller.get()).data("studio", AdminViews.studio(saved))
                    .data("outcome", AdminViews.studioSaved(saved)).data("problem", null), 200);
        } catch (GatewayProblem problem) {
            return answer(studiosPage(form, ProblemWords.explain(problem.status(), problem.body())),
                    problem.status() == 0 ? 502 : problem.status());
        }
    }

    /** How far billing's re-pricing of the reference data in force has got. */
    @GET
    @Path("repricing")
    public TemplateInstance repricing() {
        return repricing.data("caller", caller.get())
                .data("status", AdminViews.repricing(gateway.call(api -> api.repricingStatus())));
    }

    @GET
    @Path("policy/changes")
    public TemplateInstance policyChanges() {
        return policyChanges.data("caller", caller.get())
                .data("changes", AdminViews.policyChanges(gateway.call(api -> api.languagePolicyChanges())));
    }

    /** A country's or group's effective languages and where they come from; the look-up form sends ?region=. */
    @GET
    @Path("policy/region")
    public Response lookUpRegion(@RestQuery String region) {
        String code = region == null ? "" : region.trim().toUpperCase(Locale.ROOT);
        if (!REGION_OR_GROUP.matcher(code).matches()) {
            return answer(policyPage(null, new ProblemWords.Explanation(422, "Give a country or group code to look up.",
                    null, List.of())), 422);
        }
        return Response.seeOther(java.net.URI.create("/admin/policy/regions/" + code)).build();
    }

    @GET
    @Path("policy/regions/{region}")
    public TemplateInstance regionPolicy(@RestPath String region) {
        if (region == null || !REGION_OR_GROUP.matcher(region).matches()) {
            throw new GatewayProblem(404, null, "not a region code");
        }
        return regionPolicy.data("caller", caller.get())
                .data("policy", AdminViews.regionPolicy(gateway.call(api -> api.regionLanguagePolicy(region))));
    }

    /** Billing reference data in force today, or (with a key: region, currency or tier) every dated version of it. */
    @GET
    @Path("reference")
    public TemplateInstance reference(@RestQuery String kind, @RestQuery String key) {
        ReferenceTable.Kind chosen = ReferenceTable.Kind.fromPath(kind);
        String keyValue = key == null || key.isBlank() ? null : key.trim();
        if (keyValue != null && !REFERENCE_KEY.matcher(keyValue).matches()) {
            throw new GatewayProblem(404, null, "not a reference key");
        }
        return referencePage(chosen, keyValue, ReferenceProposal.form(chosen, Map.of()), null, null);
    }

    /**
     * Step one of a change: billing's impact preview of the proposed version (nothing stored), and only then the
     * Save form carrying the same values.
     */
    @POST
    @Path("reference/impact")
    public Response referenceImpact(@BeanParam ReferenceFormFields fields) {
        return withProposal(fields, request -> {
            JsonNode impact = gateway.call(api -> request.kind() == ReferenceTable.Kind.FX_RATES
                    ? api.fxRatesImpact(request.date(), request.body())
                    : api.referenceVersionImpact(request.kind().path, request.key(), request.date(), request.body()));
            return answer(referenceImpact.data("caller", caller.get())
                    .data("form", ReferenceProposal.form(request.kind(), fields.values()))
                    .data("impact", ReferenceImpact.of(impact)), 200);
        });
    }

    /** Step two: the PUT of the version whose impact was shown. */
    @POST
    @Path("reference/save")
    public Response saveReference(@BeanParam ReferenceFormFields fields) {
        return withProposal(fields, request -> {
            gateway.call(api -> request.kind() == ReferenceTable.Kind.FX_RATES
                    ? api.addFxRates(request.date(), request.body())
                    : api.addReferenceVersion(request.kind().path, request.key(), request.date(), request.body()));
            ReferenceTable.Kind kind = request.kind();
            String what = request.key() == null ? kind.title : kind.title + " " + request.key();
            return answer(referencePage(kind, null, ReferenceProposal.form(kind, Map.of()), "Saved: " + what
                    + ", in force from " + request.date() + ". Affected prices are re-priced on that day.", null), 200);
        });
    }

    /**
     * Both steps read the same form: fields that do not parse, or a problem the gateway answered, come back on the
     * reference page with the form kept as entered.
     */
    private Response withProposal(ReferenceFormFields fields, Function<ReferenceProposal.Request, Response> step) {
        ReferenceTable.Kind kind = ReferenceTable.Kind.fromPath(fields.kind);
        Map<String, String> values = fields.values();
        ReferenceProposal.Parsed parsed = ReferenceProposal.parse(kind, values);
        if (!parsed.valid()) {
            return answer(referencePage(kind, null, ReferenceProposal.form(kind, values), null, notEntered(parsed)), 422);
        }
        try {
            return step.apply(parsed.request());
        } catch (GatewayProblem problem) {
            return answer(referencePage(kind, null, ReferenceProposal.form(kind, values), null,
                    ProblemWords.explain(problem.status(), problem.body())), problem.status() == 0 ? 502 : problem.status());
        }
    }

    private TemplateInstance referencePage(ReferenceTable.Kind kind, String key, ReferenceProposal.Form form, String outcome,
            ProblemWords.Explanation problem) {
        JsonNode answer = key == null ? gateway.call(api -> api.referenceInForce(kind.path))
                : gateway.call(api -> api.referenceHistory(kind.path, key));
        return reference.data("caller", caller.get()).data("table", ReferenceTable.of(kind, answer, key))
                .data("kinds", List.of(ReferenceTable.Kind.values())).data("form", form).data("outcome", outcome)
                .data("problem", problem);
    }

    private static ProblemWords.Explanation notEntered(ReferenceProposal.Parsed parsed) {
        return new ProblemWords.Explanation(422, "Some fields need correcting before the change can be previewed.", null,
                parsed.errors());
    }

    @GET
    @Path("policy")
    public TemplateInstance policy() {
        return policyPage(null, null);
    }

    @POST
    @Path("policy/set")
    public Response setLanguages(@RestForm String region, @RestForm String languages, @RestForm String approvalRequired,
            @RestForm String approvalExceptions) {
        String code = region == null ? "" : region.trim().toUpperCase(Locale.ROOT);
        List<String> tags = tags(languages);
        if (!REGION_OR_GROUP.matcher(code).matches() || tags.isEmpty()) {
            return answer(policyPage(null, new ProblemWords.Explanation(422,
                    "Give a country or group code and at least one language.", null, List.of())), 422);
        }
        // The form's rule for the entry, and the languages where it is the other way round.
        boolean required = approvalRequired != null;
        Map<String, Boolean> byLanguage = new LinkedHashMap<>();
        tags(approvalExceptions).forEach(tag -> byLanguage.put(tag, !required));
        return change(() -> gateway.call(api -> api.setRegionLanguages(code,
                        new GatewayApi.RegionLanguages(tags, required, byLanguage))),
                code + " now requires " + String.join(", ", tags) + " (approval " + (required ? "required" : "not required")
                        + (byLanguage.isEmpty() ? "" : " except " + String.join(", ", byLanguage.keySet()))
                        + "). Open plans are re-planned.");
    }

    private static List<String> tags(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split("[,\\s]+")).filter(tag -> !tag.isBlank()).toList();
    }

    @POST
    @Path("policy/remove")
    public Response removeLanguages(@RestForm String region) {
        String code = region == null ? "" : region.trim().toUpperCase(Locale.ROOT);
        if (!REGION_OR_GROUP.matcher(code).matches()) {
            return answer(policyPage(null, new ProblemWords.Explanation(422, "Give a country or group code.", null,
                    List.of())), 422);
        }
        return change(() -> gateway.call(api -> api.removeRegionLanguages(code)),
                code + " removed: it falls back to its group or the default.");
    }

    private Response change(Runnable action, String success) {
        try {
            action.run();
            return answer(policyPage(success, null), 200);
        } catch (GatewayProblem problem) {
            return answer(policyPage(null, ProblemWords.explain(problem.status(), problem.body())),
                    problem.status() == 0 ? 502 : problem.status());
        }
    }

    private TemplateInstance policyPage(String outcome, ProblemWords.Explanation problem) {
        return policy.data("caller", caller.get()).data("entries", Views.policy(gateway.call(api -> api.languagePolicy())))
                .data("outcome", outcome).data("problem", problem);
    }

    private static Response answer(TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }
}
