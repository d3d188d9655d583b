package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The gateway's JSON answers turned into what the pages show (plain records: Qute escapes every value). */
public final class Views {

    public static final List<String> STATES = List.of("LIVE", "WAITING", "SCHEDULED", "ON_HOLD", "EXPIRED", "WITHDRAWN");

    private Views() {
    }

    @TemplateData
    public record BoardRow(String dramaId, String title, String externalId, String studioId, String state,
            String blockers, String hold) {
    }

    @TemplateData
    public record Board(String region, String state, String blocker, int page, boolean hasMore, List<BoardRow> rows) {
        public int previousPage() {
            return Math.max(0, page - 1);
        }

        public int nextPage() {
            return page + 1;
        }

        public int pageNumber() {
            return page + 1;
        }
    }

    @TemplateData
    public record StateCount(String state, String count) {
    }

    @TemplateData
    public record RegionPanel(String region, String state, String blockers, String validFrom, String validUntil,
            boolean onHold, String holdReason, String holdBy, String holdAt, String requiredLanguages,
            String missingLanguages, List<String> approvalLanguages, String price, String priceBasis, String priceUsd) {
    }

    /** One bar of the prices-side-by-side picture: the region's price in US dollars, as a share of the highest. */
    @TemplateData
    public record PriceBar(String region, String local, String usd, int percent) {
    }

    @TemplateData
    public record DramaPage(String id, String title, String externalId, String studioId, String status,
            int dramaVersion, int episodes, List<RegionPanel> regions, List<String> unavailable, List<PriceBar> priceBars) {
    }

    @TemplateData
    public record Pricing(String region, String dramaId, String price, String source, String tier,
            int coinsPerEpisode, int freeEpisodes, String seriesCoins, boolean overridden, String overrideText) {
    }

    @TemplateData
    public record AuditEntry(String at, String by, String action, String reason, String change) {
    }

    @TemplateData
    public record Task(String dramaId, String title, int episode, String language, String regions, String status,
            String errorCount, String note) {
    }

    @TemplateData
    public record Finding(String severity, String code, String where, String message) {
    }

    @TemplateData
    public record QcReport(String verdict, int errorCount, int warningCount, List<Finding> findings, QcTimeline timeline) {
    }

    @TemplateData
    public record Studio(String id, String name, boolean active, String registeredBy, String updatedAt) {
    }

    /** One line of a drama's history: who did what, where, when and why, and what changed. */
    @TemplateData
    public record HistoryLine(String at, String actor, String action, String regions, String reason, String change) {
    }

    @TemplateData
    public record PolicyEntry(String region, String languages, String approval) {
    }

    public static Board board(JsonNode answer, String state, String blocker) {
        List<BoardRow> rows = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            JsonNode rollout = item.path("rollout");
            JsonNode hold = rollout.path("hold");
            rows.add(new BoardRow(item.path("dramaId").asText(), item.path("title").asText(),
                    item.path("externalId").asText(), item.path("studioId").asText(), rollout.path("state").asText(),
                    joined(rollout.path("blockers")),
                    hold.isObject() ? hold.path("reason").asText() + " (" + hold.path("by").asText() + ")" : ""));
        }
        return new Board(answer.path("region").asText(), state, blocker, answer.path("page").asInt(),
                answer.path("hasMore").asBoolean(), List.copyOf(rows));
    }

    public static DramaPage drama(JsonNode overview) {
        JsonNode drama = overview.path("drama");
        Map<String, JsonNode> plans = byRegion(overview.path("localization").path("regions"));
        Map<String, JsonNode> prices = byRegion(overview.path("pricing").path("regions"));
        boolean plansAvailable = "AVAILABLE".equals(overview.path("localization").path("status").asText());
        boolean pricesAvailable = "AVAILABLE".equals(overview.path("pricing").path("status").asText());
        List<RegionPanel> panels = new ArrayList<>();
        for (JsonNode rollout : drama.path("rollout")) {
            String region = rollout.path("region").asText();
            JsonNode plan = plans.get(region);
            JsonNode price = prices.get(region);
            JsonNode hold = rollout.path("hold");
            panels.add(new RegionPanel(region, rollout.path("state").asText(), joined(rollout.path("blockers")),
                    rollout.path("validFrom").asText(""), rollout.path("validUntil").asText(""), hold.isObject(),
                    hold.path("reason").asText(""), hold.path("by").asText(""), hold.path("at").asText(""),
                    plan == null ? (plansAvailable ? "no plan yet" : "unavailable") : joined(plan.path("requiredLanguages")),
                    plan == null ? "" : joined(plan.path("missingLanguages")),
                    plan == null ? List.of() : texts(plan.path("approvalLanguages")),
                    price == null ? (pricesAvailable ? "no price yet" : "unavailable")
                            : money(price.path("amountMinor"), price.path("minorUnits").asInt(), price.path("currency").asText()),
                    price == null ? "" : basis(price),
                    price == null || !price.path("usdEquivalentMinor").isNumber() ? ""
                            : money(price.path("usdEquivalentMinor"), 2, "USD")));
        }
        List<String> unavailable = new ArrayList<>();
        overview.path("unavailable").forEach(part -> unavailable.add(part.asText()));
        return new DramaPage(drama.path("id").asText(), drama.path("title").asText(), drama.path("externalId").asText(),
                drama.path("studioId").asText(), drama.path("status").asText(), drama.path("dramaVersion").asInt(),
                drama.path("episodes").asInt(), List.copyOf(panels), List.copyOf(unavailable), priceBars(prices.values()));
    }

    public static Pricing pricing(JsonNode view, String region, String dramaId) {
        JsonNode episodePrice = view.path("episodePrice");
        JsonNode override = view.path("override");
        String price = episodePrice.isObject()
                ? money(episodePrice.path("amountMinor"), episodePrice.path("minorUnits").asInt(),
                        episodePrice.path("currency").asText())
                : "no price yet";
        String overrideText = override.isObject()
                ? override.path("coinsPerEpisode").asText() + " coins per episode, " + override.path("freeEpisodes").asText()
                        + " free; reason: " + override.path("reason").asText("") + " (by " + override.path("setBy").asText("")
                        + " at " + override.path("setAt").asText("") + ")"
                : "";
        return new Pricing(region, dramaId, price, view.path("source").asText(""), view.path("pricingTier").asText(""),
                view.path("coinsPerEpisode").asInt(), view.path("freeEpisodes").asInt(),
                view.path("seriesCoins").isNumber() ? view.path("seriesCoins").asText() : "", override.isObject(),
                overrideText);
    }

    public static List<AuditEntry> audit(JsonNode page) {
        List<AuditEntry> entries = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            entries.add(new AuditEntry(first(item, "at"), first(item, "actor"), first(item, "action"), item.path("reason").asText(""), change(item)));
        }
        return List.copyOf(entries);
    }

    /** Why a person sent the track back: "rejected by ops-eu: Names misspelt" (empty for other tasks). */
    static String taskNote(JsonNode item) {
        if (!"REJECTED".equals(item.path("reason").asText())) {
            return "";
        }
        return "rejected by " + item.path("rejectedBy").asText("?") + (item.hasNonNull("comment")
                ? ": " + item.path("comment").asText() : "");
    }

    public static List<Task> tasks(JsonNode page) {
        List<Task> tasks = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            tasks.add(new Task(item.path("dramaId").asText(), item.path("externalId").asText(item.path("dramaId").asText()),
                    item.path("episode").asInt(), item.path("language").asText(), joined(item.path("regions")),
                    item.path("reason").asText(item.path("status").asText("")),
                    item.path("errorCount").isNumber() ? item.path("errorCount").asText() : "", taskNote(item)));
        }
        return List.copyOf(tasks);
    }

    /** The QC report of an upload answer: parse findings first (they say why a file could not be read), then QC's. */
    public static QcReport qcReport(JsonNode answer) {
        return qcReport(answer, List.of());
    }

    /** The report, with its findings also placed on the timeline of {@code cues} (the uploaded file's cues). */
    public static QcReport qcReport(JsonNode answer, List<QcTimeline.CueSpan> cues) {
        JsonNode report = answer.path("report");
        List<Finding> findings = new ArrayList<>();
        List<QcTimeline.TimedFinding> timed = new ArrayList<>();
        for (String list : List.of("parseFindings", "findings")) {
            for (JsonNode finding : report.path(list)) {
                findings.add(new Finding(finding.path("severity").asText(""), finding.path("code").asText(""),
                        where(finding), finding.path("message").asText("")));
                timed.add(new QcTimeline.TimedFinding(finding.path("severity").asText(""), finding.path("code").asText(""),
                        finding.path("cueNumber").isNumber() ? finding.path("cueNumber").asInt() : null,
                        finding.path("startMs").isNumber() ? finding.path("startMs").asLong() : null,
                        finding.path("endMs").isNumber() ? finding.path("endMs").asLong() : null,
                        finding.path("message").asText("")));
            }
        }
        return new QcReport(answer.path("verdict").asText(report.path("verdict").asText("")),
                report.path("errorCount").asInt(), report.path("warningCount").asInt(), List.copyOf(findings),
                QcTimeline.of(cues, timed));
    }

    public static List<Studio> studios(JsonNode answer) {
        List<Studio> studios = new ArrayList<>();
        JsonNode items = answer.isArray() ? answer : answer.path("items");
        for (JsonNode studio : items) {
            studios.add(new Studio(studio.path("id").asText(), studio.path("name").asText(),
                    studio.path("active").asBoolean(), studio.path("registeredBy").asText(""),
                    studio.path("updatedAt").asText("")));
        }
        return List.copyOf(studios);
    }

    public static List<PolicyEntry> policy(JsonNode answer) {
        List<PolicyEntry> entries = new ArrayList<>();
        for (JsonNode entry : answer.path("entries")) {
            entries.add(new PolicyEntry(entry.path("region").asText(), joined(entry.path("languages")), approval(entry)));
        }
        if (answer.has("fallback")) {
            entries.add(new PolicyEntry("everywhere else", joined(answer.path("fallback")), "not required"));
        }
        return List.copyOf(entries);
    }

    /**
     * The bulk decision's answer in words: "Approved 12 episodes of es (2 already were). Left alone: episode 3 (your
     * own upload: someone else must decide), episode 5 (no QC-accepted track)."
     */
    public static String approvalOutcome(JsonNode answer, String language, String decision) {
        String verb = "APPROVED".equals(decision) ? "Approved" : "Rejected";
        StringBuilder words = new StringBuilder(verb + " " + answer.path("decided").asInt() + " episode(s) of " + language);
        int unchanged = answer.path("unchanged").asInt();
        if (unchanged > 0) {
            words.append(" (").append(unchanged).append(" already ").append(verb.toLowerCase(java.util.Locale.ROOT)).append(")");
        }
        List<String> leftAlone = new ArrayList<>();
        for (JsonNode episode : answer.path("episodes")) {
            String why = switch (episode.path("result").asText()) {
                case "OWN_UPLOAD" -> "your own upload: someone else must decide";
                case "NOT_QC_ACCEPTED" -> "its track did not pass QC";
                case "MISSING" -> "no track yet";
                default -> null;
            };
            if (why != null) {
                leftAlone.add("episode " + episode.path("episode").asInt() + " (" + why + ")");
            }
        }
        words.append('.');
        if (!leftAlone.isEmpty()) {
            words.append(" Left alone: ").append(String.join(", ", leftAlone)).append('.');
        }
        return words.toString();
    }

    /** The audit trail's page as lines, newest first; "HOLD_PLACED" reads "hold placed". */
    public static List<HistoryLine> history(JsonNode page) {
        List<HistoryLine> lines = new ArrayList<>();
        for (JsonNode record : page.path("items")) {
            lines.add(new HistoryLine(record.path("occurredAt").asText(),
                    record.path("actor").asText() + " (" + record.path("actorRole").asText() + ")",
                    record.path("action").asText().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    joined(record.path("regions")), record.path("reason").asText(""),
                    change(record.path("before"), record.path("after"))));
        }
        return List.copyOf(lines);
    }

    /** "coinsPerEpisode: 40 → 50" for each field the record shows; a field only after is shown as "→ value". */
    static String change(JsonNode before, JsonNode after) {
        java.util.Set<String> fields = new java.util.LinkedHashSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        List<String> parts = new ArrayList<>();
        for (String field : fields) {
            String was = before.has(field) ? compact(before.get(field)) : "";
            String now = after.has(field) ? compact(after.get(field)) : "";
            parts.add(field + ": " + (was.isEmpty() ? "" : was + " ") + "→" + (now.isEmpty() ? " (none)" : " " + now));
        }
        return String.join("; ", parts);
    }

    private static String compact(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return List.copyOf(texts);
    }

    /** The drama's regional prices in US dollars, highest first, each as a share of the highest (for the bars). */
    static List<PriceBar> priceBars(java.util.Collection<JsonNode> prices) {
        List<JsonNode> comparable = prices.stream().filter(price -> price.path("usdEquivalentMinor").isNumber())
                .sorted(java.util.Comparator.comparingLong((JsonNode price) -> price.path("usdEquivalentMinor").asLong())
                        .reversed().thenComparing(price -> price.path("region").asText()))
                .toList();
        long highest = comparable.isEmpty() ? 0 : comparable.get(0).path("usdEquivalentMinor").asLong();
        List<PriceBar> bars = new ArrayList<>();
        for (JsonNode price : comparable) {
            long usd = price.path("usdEquivalentMinor").asLong();
            bars.add(new PriceBar(price.path("region").asText(),
                    money(price.path("amountMinor"), price.path("minorUnits").asInt(), price.path("currency").asText()),
                    money(price.path("usdEquivalentMinor"), 2, "USD"), highest == 0 ? 0 : (int) Math.round(100.0 * usd / highest)));
        }
        return List.copyOf(bars);
    }

    /** "required", "not required", or either with the languages that differ: "required except en". */
    static String approval(JsonNode entry) {
        boolean required = entry.path("approvalRequired").asBoolean(false);
        List<String> differing = new ArrayList<>();
        entry.path("approvalByLanguage").fields().forEachRemaining(language -> {
            if (language.getValue().asBoolean() != required) {
                differing.add(language.getKey());
            }
        });
        String rule = required ? "required" : "not required";
        return differing.isEmpty() ? rule : rule + " except " + String.join(", ", differing);
    }

    /** An amount in minor units shown in the currency's major unit: 199, 2, EUR → "1.99 EUR". */
    public static String money(JsonNode amountMinor, int minorUnits, String currency) {
        if (!amountMinor.isNumber()) {
            return "no price yet";
        }
        return BigDecimal.valueOf(amountMinor.asLong(), minorUnits).toPlainString() + " " + currency;
    }

    private static String basis(JsonNode price) {
        StringBuilder basis = new StringBuilder();
        basis.append(price.path("coinsPerEpisode").asText("?")).append(" coins per episode, ")
                .append(price.path("freeEpisodes").asText("?")).append(" free episodes, tier ")
                .append(price.path("pricingTier").asText("?"));
        if (price.has("source")) {
            basis.append(", ").append(price.path("source").asText());
        }
        if (price.path("taxInclusive").asBoolean()) {
            basis.append(", tax included");
        }
        return basis.toString();
    }

    private static String change(JsonNode item) {
        if (!item.path("coinsPerEpisode").isNumber()) {
            return "";
        }
        JsonNode price = item.path("episodePrice");
        return item.path("coinsPerEpisode").asText() + " coins per episode, " + item.path("freeEpisodes").asText("?")
                + " free" + (price.isObject() ? " = " + price.path("formatted").asText(
                        money(price.path("amountMinor"), price.path("minorUnits").asInt(), price.path("currency").asText()))
                        + " per episode" : "");
    }

    private static String where(JsonNode finding) {
        StringBuilder where = new StringBuilder();
        if (finding.path("cueNumber").isNumber()) {
            where.append("cue ").append(finding.path("cueNumber").asInt());
        }
        if (finding.path("lineNumber").isNumber()) {
            where.append(where.length() > 0 ? ", " : "").append("line ").append(finding.path("lineNumber").asInt());
        }
        if (finding.path("startMs").isNumber()) {
            where.append(where.length() > 0 ? ", " : "").append("at ").append(timestamp(finding.path("startMs").asLong()));
        }
        return where.toString();
    }

    static String timestamp(long millis) {
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }

    private static String first(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.hasNonNull(field)) {
                return node.get(field).asText();
            }
        }
        return "";
    }

    private static Map<String, JsonNode> byRegion(JsonNode regions) {
        Map<String, JsonNode> byRegion = new HashMap<>();
        regions.forEach(region -> byRegion.put(region.path("region").asText(), region));
        return byRegion;
    }

    private static String joined(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.asText()));
        return String.join(", ", texts);
    }
}
