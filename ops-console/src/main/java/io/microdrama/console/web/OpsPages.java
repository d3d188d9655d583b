package io.microdrama.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.console.gateway.Gateway;
import io.microdrama.console.gateway.GatewayApi;
import io.microdrama.console.gateway.GatewayProblem;
import io.microdrama.console.view.ProblemWords;
import io.microdrama.console.view.RegionOffers;
import io.microdrama.console.view.RepricingPreview;
import io.microdrama.console.view.RolloutGrid;
import io.microdrama.console.view.RolloutTimeline;
import io.microdrama.console.view.Views;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Regional ops: board per country, drama page, hold / release, price override / removal with its audit trail. */
@Path("/ops")
@Produces(MediaType.TEXT_HTML)
public class OpsPages {

    private static final int PAGE_SIZE = 50;
    /** Counting pages per state stops here ("1000+"): the API has no count, and the board must stay quick. */
    private static final int COUNT_PAGE_SIZE = 200;
    private static final int COUNT_MAX_PAGES = 5;
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final Gateway gateway;
    private final CurrentCaller caller;
    private final Template board;
    private final Template boardCounts;
    private final Template drama;
    private final Template pricing;
    private final Template grid;
    private final Template gridTile;
    private final Template repricing;
    private final Template offers;

    @Inject
    public OpsPages(Gateway gateway, CurrentCaller caller, @Location("board") Template board, @Location("boardCounts") Template boardCounts, @Location("drama") Template drama,
            @Location("pricing") Template pricing, @Location("grid") Template grid, @Location("gridTile") Template gridTile,
            @Location("repricing") Template repricing, @Location("offers") Template offers) {
        this.offers = offers;
        this.repricing = repricing;
        this.grid = grid;
        this.gridTile = gridTile;
        this.gateway = gateway;
        this.caller = caller;
        this.board = board;
        this.boardCounts = boardCounts;
        this.drama = drama;
        this.pricing = pricing;
    }

    @GET
    @Path("regions")
    public Response chooseRegion(@RestQuery String region) {
        String chosen = region == null ? "" : region.trim().toUpperCase(java.util.Locale.ROOT);
        if (!REGION.matcher(chosen).matches()) {
            chosen = caller.get().regions().isEmpty() ? "DE" : caller.get().regions().get(0);
        }
        return Response.seeOther(java.net.URI.create("/ops/regions/" + chosen)).build();
    }

    @GET
    @Path("regions/{region}")
    public TemplateInstance board(@RestPath String region, @RestQuery String state, @RestQuery String blocker,
            @RestQuery @DefaultValue("0") int page) {
        String country = country(region);
        String stateFilter = state != null && Views.STATES.contains(state) ? state : null;
        String blockerFilter = blocker == null || blocker.isBlank() ? null : blocker.trim();
        int pageIndex = Math.max(0, page);
        JsonNode answer = gateway.call(api -> api.regionRollout(country, stateFilter, blockerFilter, pageIndex, PAGE_SIZE));
        return board.data("caller", caller.get()).data("board", Views.board(answer, stateFilter, blockerFilter))
                .data("states", Views.STATES);
    }

    /** Loaded by htmx after the board: one count per state, so the board itself is not slowed by them. */
    @GET
    @Path("regions/{region}/counts")
    public TemplateInstance counts(@RestPath String region) {
        String country = country(region);
        List<Views.StateCount> counts = new ArrayList<>();
        for (String state : Views.STATES) {
            String count;
            try {
                count = count(country, state);
            } catch (GatewayProblem unavailable) {
                // One state the platform cannot count must not hide the others' counts.
                count = "?";
            }
            counts.add(new Views.StateCount(state, count));
        }
        return boardCounts.data("region", country).data("counts", counts);
    }

    /** The caller's regions as tiles coloured by rollout state; each tile loads after the page (htmx), or by its link. */
    @GET
    @Path("grid")
    public TemplateInstance grid() {
        return grid.data("caller", caller.get()).data("regions", caller.get().regions()).data("states", Views.STATES);
    }

    @GET
    @Path("grid/{region}")
    public TemplateInstance gridTile(@RestPath String region) {
        String country = country(region);
        List<String> states = new ArrayList<>();
        boolean complete = false;
        for (int page = 0; page < COUNT_MAX_PAGES && !complete; page++) {
            int index = page;
            JsonNode answer = gateway.call(api -> api.regionRollout(country, null, null, index, COUNT_PAGE_SIZE));
            states.addAll(RolloutGrid.states(answer));
            complete = !answer.path("hasMore").asBoolean();
        }
        return gridTile.data("tile", RolloutGrid.tile(country, states, complete)).data("barWidth", RolloutGrid.BAR_WIDTH);
    }

    /** What a dated reference-data change will do to the region's prices, before it comes into force. */
    @GET
    @Path("regions/{region}/repricing")
    public TemplateInstance repricing(@RestPath String region, @RestQuery String date, @RestQuery @DefaultValue("0") int page) {
        String country = country(region);
        String day = date == null || date.isBlank() ? null : date.trim();
        int pageIndex = Math.max(0, page);
        JsonNode answer = gateway.call(api -> api.repricing(country, day, pageIndex, PAGE_SIZE));
        return repricing.data("caller", caller.get()).data("preview", RepricingPreview.of(answer));
    }

    /** The region's coin packs and VIP passes, each with how its price was computed (today, or another day). */
    @GET
    @Path("regions/{region}/offers")
    public TemplateInstance offers(@RestPath String region, @RestQuery String date) {
        String country = country(region);
        String day = date == null || date.isBlank() ? null : date.trim();
        return offers.data("caller", caller.get())
                .data("offers", RegionOffers.of(gateway.call(api -> api.offers(country, day)))).data("date", day);
    }

    /** The newest audit records shown on a drama's page. */
    private static final int HISTORY_SIZE = 20;

    @GET
    @Path("dramas/{dramaId}")
    public TemplateInstance drama(@RestPath String dramaId) {
        return dramaPage(id(dramaId), null, null);
    }

    @POST
    @Path("regions/{region}/dramas/{dramaId}/hold")
    public Response hold(@RestPath String region, @RestPath String dramaId, @RestForm String reason) {
        String country = country(region);
        String id = id(dramaId);
        if (reason == null || reason.isBlank()) {
            return actionAnswer(dramaPage(id, null, new ProblemWords.Explanation(422,
                    "A reason is required to hold a drama.", null, List.of("reason: must not be blank"))), 422);
        }
        return act(() -> gateway.call(api -> api.hold(country, id, new GatewayApi.Reason(reason.trim()))),
                "Held in " + country + ". It is off that storefront until released.", id);
    }

    @POST
    @Path("regions/{region}/dramas/{dramaId}/release")
    public Response release(@RestPath String region, @RestPath String dramaId, @RestForm String reason) {
        String country = country(region);
        String id = id(dramaId);
        if (reason == null || reason.isBlank()) {
            return actionAnswer(dramaPage(id, null, new ProblemWords.Explanation(422,
                    "A reason is required to release a drama.", null, List.of("reason: must not be blank"))), 422);
        }
        return act(() -> gateway.call(api -> api.release(country, id, reason.trim())), "Released in " + country + ".", id);
    }

    /**
     * The bulk decision on one language's tracks of a drama (every episode's current track). The answer counts what
     * changed and names episodes left alone (your own upload: four-eyes; not QC-accepted).
     */
    @POST
    @Path("regions/{region}/dramas/{dramaId}/approval")
    public Response decideSubtitles(@RestPath String region, @RestPath String dramaId, @RestForm String language,
            @RestForm String decision, @RestForm String comment) {
        String id = id(dramaId);
        country(region);
        String tag = language == null ? "" : language.trim();
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (tag.isEmpty() || !("APPROVED".equals(decision) || "REJECTED".equals(decision))
                || ("REJECTED".equals(decision) && text == null)) {
            return actionAnswer(dramaPage(id, null, new ProblemWords.Explanation(422,
                    "Choose a language and approve or reject; a rejection needs a comment for the localizer.", null,
                    List.of())), 422);
        }
        try {
            JsonNode answer = gateway.call(api -> api.approveLanguage(id, tag,
                    new GatewayApi.ApprovalDecision(decision, text)));
            return actionAnswer(dramaPage(id, Views.approvalOutcome(answer, tag, decision), null), 200);
        } catch (GatewayProblem problem) {
            return actionAnswer(dramaPage(id, null, ProblemWords.explain(problem.status(), problem.body())),
                    problem.status() == 0 ? 502 : problem.status());
        }
    }

    @GET
    @Path("regions/{region}/dramas/{dramaId}/pricing")
    public TemplateInstance pricing(@RestPath String region, @RestPath String dramaId) {
        return pricingPage(country(region), id(dramaId), null, null);
    }

    @POST
    @Path("regions/{region}/dramas/{dramaId}/pricing/override")
    public Response overridePrice(@RestPath String region, @RestPath String dramaId, @RestForm String coinsPerEpisode,
            @RestForm String freeEpisodes, @RestForm String seriesCoins, @RestForm String reason) {
        String country = country(region);
        String id = id(dramaId);
        List<String> errors = new ArrayList<>();
        Integer coins = number(coinsPerEpisode, 1, "coins per episode", errors);
        Integer free = number(freeEpisodes, 0, "free episodes", errors);
        Integer series = seriesCoins == null || seriesCoins.isBlank() ? null : number(seriesCoins, 0, "series coins", errors);
        if (reason == null || reason.isBlank()) {
            errors.add("reason: must not be blank");
        }
        if (!errors.isEmpty()) {
            return actionAnswer(pricingPage(country, id, null, new ProblemWords.Explanation(422,
                    "The price override is not complete.", null, List.copyOf(errors))), 422);
        }
        try {
            gateway.call(api -> api.overridePricing(country, id,
                    new GatewayApi.PriceOverride(coins, free, series, reason.trim())));
            return actionAnswer(pricingPage(country, id, "Price overridden in " + country + ".", null), 200);
        } catch (GatewayProblem problem) {
            return actionAnswer(pricingPage(country, id, null, ProblemWords.explain(problem.status(), problem.body())),
                    problem.status() == 0 ? 502 : problem.status());
        }
    }

    @POST
    @Path("regions/{region}/dramas/{dramaId}/pricing/remove")
    public Response removeOverride(@RestPath String region, @RestPath String dramaId, @RestForm String reason) {
        String country = country(region);
        String id = id(dramaId);
        if (reason == null || reason.isBlank()) {
            return actionAnswer(pricingPage(country, id, null, new ProblemWords.Explanation(422,
                    "A reason is required to remove an override.", null, List.of("reason: must not be blank"))), 422);
        }
        try {
            gateway.call(api -> api.removePricingOverride(country, id, reason.trim()));
            return actionAnswer(pricingPage(country, id, "Override removed: back to the tier price.", null), 200);
        } catch (GatewayProblem problem) {
            return actionAnswer(pricingPage(country, id, null, ProblemWords.explain(problem.status(), problem.body())),
                    problem.status() == 0 ? 502 : problem.status());
        }
    }

    private Response act(Runnable action, String success, String dramaId) {
        try {
            action.run();
            return actionAnswer(dramaPage(dramaId, success, null), 200);
        } catch (GatewayProblem problem) {
            return actionAnswer(dramaPage(dramaId, null, ProblemWords.explain(problem.status(), problem.body())),
                    problem.status() == 0 ? 502 : problem.status());
        }
    }

    private TemplateInstance dramaPage(String dramaId, String outcome, ProblemWords.Explanation problem) {
        JsonNode overview = gateway.call(api -> api.opsDrama(dramaId));
        return drama.data("caller", caller.get()).data("drama", Views.drama(overview))
                .data("history", history(dramaId))
                .data("timeline", RolloutTimeline.of(overview)).data("outcome", outcome).data("problem", problem);
    }

    /** The drama's audit trail; null when it cannot be read now (the rest of the page still shows). */
    private List<Views.HistoryLine> history(String dramaId) {
        try {
            return Views.history(gateway.call(api -> api.audit(dramaId, null, null, 0, HISTORY_SIZE)));
        } catch (GatewayProblem problem) {
            return null;
        }
    }

    private TemplateInstance pricingPage(String region, String dramaId, String outcome, ProblemWords.Explanation problem) {
        JsonNode view = gateway.call(api -> api.pricing(region, dramaId));
        JsonNode audit = gateway.call(api -> api.pricingAudit(region, dramaId, 0, 20));
        return pricing.data("caller", caller.get()).data("pricing", Views.pricing(view, region, dramaId))
                .data("audit", Views.audit(audit)).data("outcome", outcome).data("problem", problem);
    }

    private static Response actionAnswer(TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }

    private String count(String region, String state) {
        int total = 0;
        for (int page = 0; page < COUNT_MAX_PAGES; page++) {
            int index = page;
            JsonNode answer = gateway.call(api -> api.regionRollout(region, state, null, index, COUNT_PAGE_SIZE));
            total += answer.path("items").size();
            if (!answer.path("hasMore").asBoolean()) {
                return Integer.toString(total);
            }
        }
        return total + "+";
    }

    private static Integer number(String text, int minimum, String label, List<String> errors) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim());
            if (value < minimum) {
                errors.add(label + ": must be at least " + minimum);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(label + ": must be a whole number");
            return null;
        }
    }

    /** Path values are checked before they go into a gateway URL (the gateway checks them again). */
    static String country(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new GatewayProblem(404, null, "not a country code");
        }
        return region;
    }

    static String id(String dramaId) {
        if (dramaId == null || !ID.matcher(dramaId).matches()) {
            throw new GatewayProblem(404, null, "not a drama id");
        }
        return dramaId;
    }
}
