package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The audit page: the filters a person typed (region, actor, drama), checked before they go into a gateway query,
 * and one page of the platform's audit trail with its place among all matching records.
 */
public final class AuditTrailView {

    public static final int PAGE_SIZE = 50;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** The gateway's limit for an actor's name. */
    private static final int ACTOR_MAX = 200;

    private AuditTrailView() {
    }

    /** Filters as the gateway takes them: null where not given. */
    @TemplateData
    public record Filter(String region, String actor, String dramaId, int page) {

        /** This filter on another page, as a query string (values URL-encoded; Qute escapes it again for HTML). */
        public String query(int otherPage) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("region", region);
            values.put("actor", actor);
            values.put("dramaId", dramaId);
            List<String> parts = new ArrayList<>();
            values.forEach((name, value) -> {
                if (value != null) {
                    parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            });
            parts.add("page=" + otherPage);
            return "?" + String.join("&", parts);
        }

        public String newerQuery() {
            return query(Math.max(0, page - 1));
        }

        public String olderQuery() {
            return query(page + 1);
        }

        public String describe() {
            List<String> parts = new ArrayList<>();
            if (region != null) {
                parts.add("touching " + region);
            }
            if (actor != null) {
                parts.add("by " + actor);
            }
            if (dramaId != null) {
                parts.add("about drama " + dramaId);
            }
            return parts.isEmpty() ? "every record you may see" : String.join(", ", parts);
        }
    }

    /** A filter, or what is wrong with the typed values (then nothing is asked of the gateway). */
    public record Parsed(Filter filter, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Parsed parse(String region, String actor, String dramaId, int page) {
        List<String> errors = new ArrayList<>();
        String country = blankToNull(region);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRY.matcher(country).matches()) {
                errors.add("region: a two-letter country code, such as DE");
            }
        }
        String name = blankToNull(actor);
        if (name != null && name.length() > ACTOR_MAX) {
            errors.add("actor: at most " + ACTOR_MAX + " characters");
        }
        String drama = blankToNull(dramaId);
        if (drama != null) {
            try {
                drama = UUID.fromString(drama).toString();
            } catch (IllegalArgumentException notAnId) {
                errors.add("drama: a drama id (UUID), as on the drama's page");
            }
        }
        return new Parsed(new Filter(country, name, drama, Math.max(0, page)), List.copyOf(errors));
    }

    @TemplateData
    public record Line(String at, String actor, String action, String regions, String dramaId, String entity,
            String reason, String change) {
    }

    /** One page: its lines, "records 51–100 of 230", and whether there are newer or older pages. */
    @TemplateData
    public record Page(Filter filter, long total, String range, boolean hasNewer, boolean hasOlder, List<Line> lines) {
    }

    public static Page page(Filter filter, JsonNode answer) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode record : answer.path("items")) {
            List<String> regions = new ArrayList<>();
            record.path("regions").forEach(region -> regions.add(region.asText()));
            lines.add(new Line(record.path("occurredAt").asText(),
                    record.path("actor").asText() + " (" + record.path("actorRole").asText() + ")",
                    record.path("action").asText().toLowerCase(Locale.ROOT).replace('_', ' '),
                    regions.isEmpty() ? "platform-wide" : String.join(", ", regions),
                    record.path("dramaId").isTextual() ? record.path("dramaId").asText() : null,
                    record.path("service").asText() + " " + record.path("entityType").asText() + " "
                            + record.path("entityId").asText(),
                    record.path("reason").asText(""), Views.change(record.path("before"), record.path("after"))));
        }
        long total = answer.path("total").asLong();
        int size = Math.max(1, answer.path("size").asInt(PAGE_SIZE));
        long first = (long) filter.page() * size + 1;
        long last = first + lines.size() - 1;
        String range = lines.isEmpty() ? "no records" + (filter.page() > 0 ? " on this page" : "")
                : "records " + first + "–" + last + " of " + total;
        return new Page(filter, total, range, filter.page() > 0, last < total, List.copyOf(lines));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
