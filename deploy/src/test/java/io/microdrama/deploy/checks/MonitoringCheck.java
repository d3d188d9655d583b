package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.Overlay;
import io.microdrama.deploy.Yaml;
import io.microdrama.deploy.monitoring.ServiceMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Alert rules (PrometheusRule) and Grafana dashboards (ConfigMaps labelled grafana_dashboard) only name metrics the
 * services expose (service-metrics.txt); every alert has a severity and a summary; the dashboards are valid JSON
 * with an expression in every target. In prod the alerts and dashboards the platform is operated with must exist.
 */
public final class MonitoringCheck implements Check {

    public static final String DASHBOARD_LABEL = "grafana_dashboard";
    /** What prod is operated with: an alert per failure mode, a dashboard per path (deploy/README.md). */
    static final Set<String> PROD_ALERTS = Set.of("OutboxOldestPendingTooOld", "DeadLetterTopicReceivedRecords",
            "ConsumerLagHigh", "GatewayRouteServerErrors", "ServiceRouteServerErrors", "GatewayCircuitBreakerOpen",
            "TokenValidationFailuresSpike");
    static final Set<String> PROD_DASHBOARDS = Set.of("microdrama-event-path", "microdrama-storefront",
            "microdrama-gateway");

    @Override
    public String name() {
        return "monitoring";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        ServiceMetrics metrics = ServiceMetrics.load();
        Set<String> alerts = new TreeSet<>();
        for (ObjectNode rule : overlay.manifest().ofKind("PrometheusRule")) {
            for (Map.Entry<String, String> e : ruleExpressions(rule).entrySet()) {
                unknownMetrics(problems, metrics, K8s.id(rule) + " " + e.getKey(), e.getValue());
            }
            for (JsonNode group : rule.path("spec").path("groups")) {
                for (JsonNode r : group.path("rules")) {
                    if (!r.has("alert")) {
                        continue;
                    }
                    alerts.add(r.path("alert").asText());
                    if (r.path("labels").path("severity").asText().isEmpty()
                            || r.path("annotations").path("summary").asText().isEmpty()) {
                        problems.add(K8s.id(rule) + " alert " + r.path("alert").asText()
                                + " has no severity label or no summary annotation");
                    }
                }
            }
        }
        Set<String> dashboards = new TreeSet<>();
        for (ObjectNode configMap : dashboardConfigMaps(overlay)) {
            configMap.path("data").fields().forEachRemaining(file -> {
                String where = K8s.id(configMap) + " " + file.getKey();
                JsonNode dashboard;
                try {
                    dashboard = Yaml.JSON.readTree(file.getValue().asText());
                } catch (Exception e) {
                    problems.add(where + " is not valid JSON: " + e.getMessage());
                    return;
                }
                dashboards.add(dashboard.path("uid").asText());
                for (Map.Entry<String, String> e : panelExpressions(dashboard).entrySet()) {
                    if (e.getValue().isBlank()) {
                        problems.add(where + " " + e.getKey() + " has no expression");
                    }
                    unknownMetrics(problems, metrics, where + " " + e.getKey(), e.getValue());
                }
            });
        }
        if (overlay.name().equals("prod")) {
            for (String alert : new TreeSet<>(PROD_ALERTS)) {
                if (!alerts.contains(alert)) {
                    problems.add("prod has no alert " + alert);
                }
            }
            for (String dashboard : new TreeSet<>(PROD_DASHBOARDS)) {
                if (!dashboards.contains(dashboard)) {
                    problems.add("prod has no Grafana dashboard " + dashboard + " (ConfigMap labelled "
                            + DASHBOARD_LABEL + ")");
                }
            }
        }
        return problems;
    }

    private static void unknownMetrics(List<String> problems, ServiceMetrics metrics, String where, String expr) {
        for (String name : ServiceMetrics.metricNames(expr)) {
            if (!metrics.contains(name)) {
                problems.add(where + " uses metric " + name + ", which no service exposes (service-metrics.txt)");
            }
        }
    }

    public static List<ObjectNode> dashboardConfigMaps(Overlay overlay) {
        return overlay.manifest().ofKind("ConfigMap").stream()
                .filter(cm -> cm.path("metadata").path("labels").has(DASHBOARD_LABEL)).toList();
    }

    /** "group/alert-or-record" -> expression, for every rule of a PrometheusRule. */
    public static Map<String, String> ruleExpressions(JsonNode prometheusRule) {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode group : prometheusRule.path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                expressions.put(group.path("name").asText() + "/" + name, rule.path("expr").asText());
            }
        }
        return expressions;
    }

    /** "panel 'title' target A" -> expression, for every target of every panel (rows included). */
    public static Map<String, String> panelExpressions(JsonNode dashboard) {
        Map<String, String> expressions = new LinkedHashMap<>();
        collectPanels(dashboard.path("panels"), expressions);
        return expressions;
    }

    private static void collectPanels(JsonNode panels, Map<String, String> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                into.put("panel '" + panel.path("title").asText() + "' target " + target.path("refId").asText(),
                        target.path("expr").asText(""));
            }
            collectPanels(panel.path("panels"), into);
        }
    }
}
