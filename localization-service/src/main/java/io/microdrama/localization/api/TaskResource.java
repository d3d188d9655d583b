package io.microdrama.localization.api;

import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.contracts.languages.LanguageTags;
import io.microdrama.localization.application.TaskService;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.microdrama.localization.domain.SubtitleTasks;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import io.microdrama.support.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Open subtitle work: for each open plan, every episode whose track in a required language is missing or failed QC,
 * one item per (drama, episode, language) with the regions waiting for it. A localizer sees its languages, ops their
 * regions, admins everything.
 */
@Path("/api/v1/localization/tasks")
@RolesAllowed({ Caller.LOCALIZER, Caller.OPS, Caller.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    static final int MAX_PAGE_SIZE = 200;

    private final TaskService service;
    private final Caller caller;

    public TaskResource(TaskService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /**
     * Why an episode needs work: no track yet ({@code MISSING}), the latest upload failed QC, a person rejected the
     * current revision where approval is required ({@code REJECTED}, with {@code comment}, {@code rejectedBy} and
     * {@code rejectedAt}), or (ops and admins only) it passed QC and waits for approval ({@code AWAITING_APPROVAL}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Task(String dramaId, String studioId, int episode, String language, List<String> regions,
            SubtitleTasks.Reason reason, Long revision, Integer errorCount, String comment, String rejectedBy,
            Instant rejectedAt) {
    }

    public record TaskPage(int page, int size, long total, List<Task> items) {
    }

    @GET
    public Uni<TaskPage> tasks(@QueryParam("language") String language, @QueryParam("region") String region,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(400, "Bad Request", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE,
                    List.of(new FieldError(page < 0 ? "page" : "size", "out of range")));
        }
        String languageFilter = language == null || language.isBlank() ? null : SubtitleHttp.requireLanguage(language);
        String regionFilter = region == null || region.isBlank() ? null : requireCountry(region);
        boolean everything = caller.isAdmin();
        boolean localizer = caller.hasRole(Caller.LOCALIZER);
        boolean ops = caller.hasRole(Caller.OPS);
        Set<String> regions = ops ? caller.regions() : Set.of();
        if (!everything && languageFilter != null && !ops && !LanguageTags.covers(caller.languages(), languageFilter)) {
            throw ProblemException.forbidden("Your token's languages do not include " + languageFilter);
        }
        if (!everything && regionFilter != null && !localizer && !regions.contains(regionFilter)) {
            throw ProblemException.forbidden("Your token's regions do not include " + regionFilter);
        }
        return service.tasks(new TaskService.Requester(everything, localizer, caller.languages(), regions), languageFilter,
                        regionFilter, page * size, size)
                .map(result -> new TaskPage(page, size, result.total(), result.tasks().stream()
                        .map(row -> new Task(row.dramaId().toString(), row.studioId(), row.episode(), row.language(),
                                row.regions(), row.reason(), row.revision(), row.errorCount(), row.comment(),
                                row.rejectedBy(), row.rejectedAt()))
                        .toList()));
    }

    private static String requireCountry(String region) {
        if (!RegionGroups.isCountry(region)) {
            throw new ProblemException(400, "Bad Request", "region must be an ISO 3166-1 alpha-2 country such as DE",
                    List.of(new FieldError("region", "'" + region + "' is not a country code")));
        }
        return region;
    }
}
