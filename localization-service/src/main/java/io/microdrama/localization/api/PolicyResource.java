package io.microdrama.localization.api;

import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.localization.application.PolicyService;
import io.microdrama.localization.domain.ApprovalRule;
import io.microdrama.localization.domain.LanguagePolicy;
import io.microdrama.localization.domain.PolicyChange;
import io.microdrama.support.audit.Actor;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The region -> subtitle languages policy (admins only). Reads carry the policy version as ETag; a change may send
 * it back in If-Match to be refused (412) if someone else changed the policy meanwhile.
 */
@Path("/api/v1/localization/policy")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService service;
    private final Caller caller;

    public PolicyResource(PolicyService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    public enum Kind { COUNTRY, GROUP }

    /** An entry: its languages and its approval rule (default, and the languages that differ from it). */
    public record Entry(String region, Kind kind, List<String> languages, boolean approvalRequired,
            Map<String, Boolean> approvalByLanguage) {
    }

    public record PolicyView(long version, List<String> fallback, List<Entry> entries) {
    }

    /**
     * A country's effective languages and where they come from (its own entry, a group, or the fallback), with the
     * entry's approval rule and, resolved from it, the languages whose tracks need a person's approval.
     */
    public record RegionView(long version, String region, Kind kind, List<String> languages, String source,
            boolean approvalRequired, Map<String, Boolean> approvalByLanguage, List<String> approvalLanguages) {
    }

    /**
     * A whole entry. {@code approvalRequired} absent = false; {@code approvalByLanguage} names languages of the entry
     * whose requirement differs from it. A body with only {@code languages} (as before approvals existed) is valid
     * and requires no approval.
     */
    public record LanguagesRequest(List<String> languages, Boolean approvalRequired, Map<String, Boolean> approvalByLanguage) {
    }

    /** One change; the approval fields are null for the seed and for a removal. */
    public record ChangeView(long version, Instant changedAt, String changedBy, String region, List<String> languages,
            String note, Boolean approvalRequired, Map<String, Boolean> approvalByLanguage) {
    }

    @GET
    public Uni<Response> policy() {
        return service.current().map(policy -> Response.ok(new PolicyView(policy.version(), LanguagePolicy.FALLBACK,
                policy.entries().entrySet().stream()
                        .map(entry -> {
                            ApprovalRule approval = policy.approval(entry.getKey());
                            return new Entry(entry.getKey(), kind(entry.getKey()), entry.getValue(), approval.required(),
                                    approval.sortedByLanguage());
                        })
                        .sorted(java.util.Comparator.comparing(Entry::kind).thenComparing(Entry::region))
                        .toList())).tag(etag(policy.version())).build());
    }

    @GET
    @Path("/regions/{region}")
    public Uni<Response> region(@PathParam("region") String region) {
        requireKnown(region);
        return service.current().map(policy -> {
            RegionView view;
            if (RegionGroups.isGroup(region)) {
                List<String> languages = policy.entries().get(region);
                if (languages == null) {
                    throw ProblemException.notFound("Policy entry for group " + region);
                }
                ApprovalRule approval = policy.approval(region);
                view = new RegionView(policy.version(), region, Kind.GROUP, languages, region, approval.required(),
                        approval.sortedByLanguage(), approval.needingApproval(languages));
            } else {
                LanguagePolicy.Resolution resolution = policy.resolve(region);
                view = new RegionView(policy.version(), region, Kind.COUNTRY, resolution.languages(), resolution.source(),
                        resolution.approval().required(), resolution.approval().sortedByLanguage(),
                        resolution.approvalLanguages());
            }
            return Response.ok(view).tag(etag(policy.version())).build();
        });
    }

    @PUT
    @Path("/regions/{region}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> set(@PathParam("region") String region, @HeaderParam("If-Match") String ifMatch,
            LanguagesRequest request) {
        if (request == null || request.languages() == null) {
            throw ProblemException.invalid(List.of(new FieldError("languages", "a list of BCP 47 tags is required")));
        }
        Map<String, Boolean> byLanguage = request.approvalByLanguage() == null ? Map.of() : request.approvalByLanguage();
        // (Map.of() refuses to be asked about null, so look at the entries: Jackson's map may hold a JSON null)
        if (byLanguage.entrySet().stream().anyMatch(entry -> entry.getKey() == null || entry.getValue() == null)) {
            throw ProblemException.invalid(List.of(new FieldError("approvalByLanguage",
                    "an object of language tag -> true or false (null is neither)")));
        }
        return service.set(region, request.languages(), ApprovalRule.of(request.approvalRequired(), byLanguage),
                Actor.of(caller.grants()), version(ifMatch)).map(this::answer);
    }

    @DELETE
    @Path("/regions/{region}")
    public Uni<Response> remove(@PathParam("region") String region, @HeaderParam("If-Match") String ifMatch) {
        requireKnown(region);
        return service.remove(region, Actor.of(caller.grants()), version(ifMatch)).map(this::answer);
    }

    @GET
    @Path("/changes")
    public Uni<List<ChangeView>> changes(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new ProblemException(400, "Bad Request", "page must be >= 0 and size between 1 and 200");
        }
        return service.history(page * size, size).map(changes -> changes.stream().map(PolicyResource::view).toList());
    }

    private Response answer(PolicyService.ChangeResult result) {
        return Response.ok(result).tag(etag(result.version())).build();
    }

    private static ChangeView view(PolicyChange change) {
        return new ChangeView(change.version(), change.changedAt(), change.changedBy(), change.region(), change.languages(),
                change.note(), change.approval() == null ? null : change.approval().required(),
                change.approval() == null ? null : change.approval().sortedByLanguage());
    }

    private static Kind kind(String region) {
        return RegionGroups.isGroup(region) ? Kind.GROUP : Kind.COUNTRY;
    }

    private static void requireKnown(String region) {
        if (!RegionGroups.isKnown(region)) {
            throw ProblemException.notFound("Region '" + region + "'");
        }
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "Precondition Failed", "If-Match must be a policy ETag returned by this API");
        }
    }
}
