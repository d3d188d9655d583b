package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.Overlay;
import io.microdrama.deploy.Yaml;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * `promtool check rules` (Prometheus' own parser) accepts every PrometheusRule's groups, and every dashboard panel's
 * expression (checked as a recording rule, so its PromQL goes through the same parser). The alerts of
 * PrometheusRule {@value #TESTED_RULE} pass `promtool test rules` with the test resource {@value #RULE_TESTS}: each
 * fires on the series it is meant for and stays quiet on a healthy platform. promtool comes from Debian's
 * `prometheus` package (.ci/run installs it). Without it the check is skipped with that reason locally and fails in
 * CI (CI=true).
 */
public final class PromtoolCheck implements Check {

    static final String TESTED_RULE = "microdrama-alerts";
    static final String RULE_TESTS = "alert-rule-tests.yaml";

    @Override
    public String name() {
        return "promtool";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<ObjectNode> rules = overlay.manifest().ofKind("PrometheusRule");
        List<ObjectNode> dashboards = MonitoringCheck.dashboardConfigMaps(overlay);
        if (rules.isEmpty() && dashboards.isEmpty()) {
            return List.of();
        }
        Optional<Path> promtool = promtool();
        if (promtool.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return List.of(missingMessage());
            }
            Assumptions.abort(missingMessage());
        }
        List<String> problems = new ArrayList<>();
        try {
            Path dir = Files.createTempDirectory("promtool-" + overlay.name());
            List<String> files = new ArrayList<>();
            for (ObjectNode rule : rules) {
                Path file = dir.resolve(K8s.name(rule) + ".rules.yaml");
                ObjectNode doc = Yaml.JSON.createObjectNode();
                doc.set("groups", rule.path("spec").path("groups").deepCopy());
                Files.writeString(file, Yaml.YAML.writeValueAsString(doc), StandardCharsets.UTF_8);
                files.add(file.toString());
            }
            if (!dashboards.isEmpty()) {
                Path file = dir.resolve("dashboard-expressions.rules.yaml");
                Files.writeString(file, Yaml.YAML.writeValueAsString(dashboardsAsRules(dashboards)), StandardCharsets.UTF_8);
                files.add(file.toString());
            }
            List<String> command = new ArrayList<>(List.of(promtool.get().toString(), "check", "rules"));
            command.addAll(files);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of("promtool check rules did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                problems.add("promtool check rules failed (dashboard panels are in dashboard-expressions): "
                        + output.strip());
            }
            if (problems.isEmpty() && rules.stream().anyMatch(r -> K8s.name(r).equals(TESTED_RULE))) {
                problems.addAll(testRules(promtool.get(), dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return problems;
    }

    /** `promtool test rules` on the alert tests, which name the rule file written above. */
    private static List<String> testRules(Path promtool, Path dir) throws IOException, InterruptedException {
        Path tests = dir.resolve(RULE_TESTS);
        try (var in = PromtoolCheck.class.getClassLoader().getResourceAsStream(RULE_TESTS)) {
            if (in == null) {
                return List.of("test resource " + RULE_TESTS + " is missing");
            }
            Files.write(tests, in.readAllBytes());
        }
        Process process = new ProcessBuilder(promtool.toString(), "test", "rules", tests.getFileName().toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return List.of("promtool test rules did not finish in 60 s");
        }
        return process.exitValue() == 0 ? List.of() : List.of("promtool test rules failed (" + RULE_TESTS + "): "
                + output.strip());
    }

    /** One rule group per dashboard; each panel target becomes a recording rule named after its position. */
    private static ObjectNode dashboardsAsRules(List<ObjectNode> configMaps) {
        ObjectNode doc = Yaml.JSON.createObjectNode();
        ArrayNode groups = doc.putArray("groups");
        for (ObjectNode configMap : configMaps) {
            configMap.path("data").fields().forEachRemaining(file -> {
                JsonNode dashboard;
                try {
                    dashboard = Yaml.JSON.readTree(file.getValue().asText());
                } catch (IOException e) {
                    return; // MonitoringCheck reports invalid JSON
                }
                ObjectNode group = groups.addObject();
                group.put("name", "dashboard " + K8s.name(configMap) + " " + file.getKey());
                ArrayNode rules = group.putArray("rules");
                int n = 0;
                for (Map.Entry<String, String> e : MonitoringCheck.panelExpressions(dashboard).entrySet()) {
                    ObjectNode rule = rules.addObject();
                    rule.put("record", "dashboard_expression_" + ++n);
                    rule.put("expr", e.getValue());
                    rule.putObject("labels").put("panel", e.getKey());
                }
            });
        }
        return doc;
    }

    /** $PROMTOOL, else promtool on the PATH. */
    public static Optional<Path> promtool() {
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static String missingMessage() {
        return "promtool not found (set PROMTOOL or install Debian's `prometheus` package): the alert rules and"
                + " dashboard expressions were NOT syntax-checked. In CI (CI=true) this is a failure, not a skip;"
                + " see deploy/README.md.";
    }
}
