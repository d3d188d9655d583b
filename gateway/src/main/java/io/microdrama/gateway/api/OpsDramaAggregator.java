package io.microdrama.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microdrama.gateway.domain.Upstream;
import io.microdrama.gateway.upstream.UpstreamAnswer;
import io.microdrama.gateway.upstream.UpstreamClient;
import io.microdrama.gateway.upstream.UpstreamFailure;
import io.microdrama.gateway.upstream.UpstreamRequest;
import io.microdrama.support.security.CallerGrants;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /api/v1/ops/dramas/{dramaId}}: catalog's rollout of the drama, its localization plan and its prices in one
 * answer, each part restricted to the caller's regions. The three calls run side by side. Catalog decides whether the
 * drama exists for the caller (its 404 is the answer); when localization or billing fails, the answer says which part
 * is unavailable instead of failing as a whole. When catalog itself fails, the answer is that failure (502/503/504).
 */
@ApplicationScoped
public class OpsDramaAggregator {

    private record Outcome(Upstream upstream, UpstreamAnswer answer, UpstreamFailure failure) {
    }

    private final UpstreamClient upstreams;
    private final ObjectMapper json;

    public OpsDramaAggregator(UpstreamClient upstreams, ObjectMapper json) {
        this.upstreams = upstreams;
        this.json = json;
    }

    /** @param rawDramaId the path segment as the caller sent it (passed on without re-encoding) */
    public Uni<Response> view(String rawDramaId, String authorization, CallerGrants caller) {
        Map<String, String> headers = Map.of("Authorization", authorization, "Accept", MediaType.APPLICATION_JSON);
        Uni<Outcome> drama = call(Upstream.CATALOG, "/api/v1/ops/dramas/" + rawDramaId, headers);
        Uni<Outcome> plan = call(Upstream.LOCALIZATION, "/api/v1/localization/dramas/" + rawDramaId + "/plan", headers);
        Uni<Outcome> prices = call(Upstream.BILLING, "/api/v1/billing/dramas/" + rawDramaId + "/prices", headers);
        return Uni.combine().all().unis(drama, plan, prices).asTuple()
                .map(parts -> compose(parts.getItem1(), parts.getItem2(), parts.getItem3(), caller));
    }

    private Uni<Outcome> call(Upstream upstream, String path, Map<String, String> headers) {
        return upstreams.send(upstream, new UpstreamRequest("GET", path, headers, null))
                .map(answer -> new Outcome(upstream, answer, null))
                .onFailure(UpstreamFailure.class).recoverWithItem(failure -> new Outcome(upstream, null, (UpstreamFailure) failure));
    }

    private Response compose(Outcome drama, Outcome plan, Outcome prices, CallerGrants caller) {
        if (drama.failure() != null) {
            throw drama.failure();
        }
        if (drama.answer().status() != 200) {
            // Not found for this caller (or refused): catalog's answer is the whole answer.
            return Dispatcher.response(drama.answer(), "", "");
        }
        ObjectNode view = json.createObjectNode();
        ObjectNode catalogView = (ObjectNode) parse(drama.answer()).orElseThrowBadAnswer(drama.upstream());
        if (catalogView.get("rollout") instanceof ArrayNode rollout) {
            catalogView.set("rollout", withinRegions(rollout, caller));
        }
        view.set("drama", catalogView);
        ArrayNode unavailable = json.createArrayNode();
        view.set("localization", part(plan, body -> body.get("regions"), caller, "localization", unavailable));
        view.set("pricing", part(prices, body -> body, caller, "pricing", unavailable));
        view.set("unavailable", unavailable);
        return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    private ObjectNode part(Outcome outcome, java.util.function.Function<JsonNode, JsonNode> regionsOf, CallerGrants caller,
            String name, ArrayNode unavailable) {
        ObjectNode part = json.createObjectNode();
        if (outcome.failure() != null) {
            return unavailable(part, name, outcome.failure().getMessage(), unavailable);
        }
        int status = outcome.answer().status();
        if (status == 404) {
            // Nothing planned / priced in the caller's regions yet: an empty part, not a failure.
            part.put("status", "AVAILABLE");
            part.set("regions", json.createArrayNode());
            return part;
        }
        if (status != 200) {
            return unavailable(part, name, outcome.upstream().serviceName() + " answered " + status, unavailable);
        }
        Parsed body = parse(outcome.answer());
        JsonNode regions = body.node() == null ? null : regionsOf.apply(body.node());
        if (!(regions instanceof ArrayNode array)) {
            return unavailable(part, name, outcome.upstream().serviceName() + " answered in an unexpected shape", unavailable);
        }
        part.put("status", "AVAILABLE");
        part.set("regions", withinRegions(array, caller));
        return part;
    }

    private static ObjectNode unavailable(ObjectNode part, String name, String detail, ArrayNode unavailable) {
        unavailable.add(name);
        part.put("status", "UNAVAILABLE");
        part.put("detail", detail);
        return part;
    }

    /** The services already narrow these lists to the caller; the gateway narrows again, in case one of them does not. */
    private ArrayNode withinRegions(ArrayNode items, CallerGrants caller) {
        ArrayNode kept = json.createArrayNode();
        for (JsonNode item : items) {
            JsonNode region = item.get("region");
            if (caller.isAdmin() || (region != null && caller.coversRegion(region.asText()))) {
                kept.add(item);
            }
        }
        return kept;
    }

    private record Parsed(JsonNode node) {
        JsonNode orElseThrowBadAnswer(Upstream upstream) {
            if (!(node instanceof ObjectNode)) {
                throw new UpstreamFailure(upstream, UpstreamFailure.Kind.BAD_ANSWER,
                        upstream.serviceName() + " answered in an unexpected shape", null);
            }
            return node;
        }
    }

    private Parsed parse(UpstreamAnswer answer) {
        try {
            return new Parsed(json.readTree(answer.body()));
        } catch (IOException e) {
            return new Parsed(null);
        }
    }
}
