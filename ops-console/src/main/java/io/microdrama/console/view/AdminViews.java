package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Admin pages: a studio and its registration form, re-pricing progress, the language policy's history and one region. */
public final class AdminViews {

    /** The gateway's pattern for a studio id (equal to its Keycloak client's studio_id). */
    private static final Pattern STUDIO_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final int NAME_MAX = 200;

    private AdminViews() {
    }

    public static boolean isStudioId(String id) {
        return id != null && STUDIO_ID.matcher(id).matches();
    }

    /** The registration form as typed; {@code errors} empty when it may be sent. */
    @TemplateData
    public record StudioForm(String id, String name, boolean active, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }

        /** The empty form of a page opened afresh: nothing typed yet is not an error. */
        public StudioForm withoutErrors() {
            return new StudioForm(id, name, active, List.of());
        }
    }

    public static StudioForm studioForm(String id, String name, String active) {
        String studioId = id == null ? "" : id.trim();
        String studioName = name == null ? "" : name.trim();
        List<String> errors = new ArrayList<>();
        if (!isStudioId(studioId)) {
            errors.add("studio id: 2 to 64 lower-case letters, digits or '-', starting with a letter or digit "
                    + "(the studio_id its Keycloak client puts into tokens)");
        }
        if (studioName.isEmpty()) {
            errors.add("name: required");
        } else if (studioName.length() > NAME_MAX) {
            errors.add("name: at most " + NAME_MAX + " characters");
        }
        return new StudioForm(studioId, studioName, active != null, List.copyOf(errors));
    }

    @TemplateData
    public record StudioDetail(String id, String name, boolean active, String registeredBy, String registeredAt,
            String updatedAt) {
    }

    public static StudioDetail studio(JsonNode answer) {
        return new StudioDetail(answer.path("id").asText(), answer.path("name").asText(), answer.path("active").asBoolean(),
                answer.path("registeredBy").asText(""), answer.path("registeredAt").asText(""),
                answer.path("updatedAt").asText(""));
    }

    /** "Registered" when the answer is the studio's first version, else "Updated", with what it now is. */
    public static String studioSaved(JsonNode answer) {
        StudioDetail studio = studio(answer);
        boolean first = !studio.registeredAt().isEmpty() && studio.registeredAt().equals(studio.updatedAt());
        return (first ? "Registered" : "Updated") + " studio " + studio.id() + " (" + studio.name() + "), "
                + (studio.active() ? "active: its tokens may change content." : "inactive: its tokens may read and withdraw only.");
    }

    @TemplateData
    public record Repricing(String revision, String pricingDate, String progress, String started, String completed,
            boolean done) {
    }

    public static Repricing repricing(JsonNode answer) {
        boolean done = answer.path("completed").asBoolean();
        long checked = answer.path("checked").asLong();
        long repriced = answer.path("repriced").asLong();
        String progress = checked + " active price(s) checked, " + repriced + " changed"
                + (done ? "" : " so far");
        JsonNode completedAt = answer.path("completedAt");
        return new Repricing(answer.path("referenceRevision").asText(), answer.path("pricingDate").asText(), progress,
                answer.path("startedAt").asText(""), completedAt.isTextual() ? completedAt.asText() : "not yet", done);
    }

    @TemplateData
    public record PolicyChange(String version, String at, String by, String region, String languages, String approval,
            String note) {
    }

    public static List<PolicyChange> policyChanges(JsonNode answer) {
        List<PolicyChange> changes = new ArrayList<>();
        JsonNode items = answer.isArray() ? answer : answer.path("items");
        for (JsonNode change : items) {
            List<String> languages = new ArrayList<>();
            change.path("languages").forEach(language -> languages.add(language.asText()));
            String approval = change.path("approvalRequired").isBoolean() ? Views.approval(change) : "";
            changes.add(new PolicyChange(change.path("version").asText(), change.path("changedAt").asText(),
                    change.path("changedBy").asText(""), change.path("region").asText(""),
                    languages.isEmpty() ? "(none: entry removed)" : String.join(", ", languages), approval,
                    change.path("note").asText("")));
        }
        return List.copyOf(changes);
    }

    @TemplateData
    public record RegionPolicy(String region, String kind, String languages, String origin, String approval,
            String approvalLanguages) {
    }

    public static RegionPolicy regionPolicy(JsonNode answer) {
        String region = answer.path("region").asText();
        String source = answer.path("source").asText("");
        String origin = source.equals(region) ? "its own entry"
                : "default".equals(source) || source.isEmpty() ? "the platform's fallback (no entry for it or its group)"
                : "the entry of group " + source;
        List<String> needing = new ArrayList<>();
        answer.path("approvalLanguages").forEach(language -> needing.add(language.asText()));
        List<String> languages = new ArrayList<>();
        answer.path("languages").forEach(language -> languages.add(language.asText()));
        return new RegionPolicy(region, answer.path("kind").asText("").toLowerCase(Locale.ROOT), String.join(", ", languages),
                origin, Views.approval(answer), needing.isEmpty() ? "none" : String.join(", ", needing));
    }
}
