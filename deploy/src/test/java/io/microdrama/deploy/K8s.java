package io.microdrama.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Reading Kubernetes objects held as JSON trees. */
public final class K8s {

    private K8s() {
    }

    public static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    public static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    public static String apiVersion(JsonNode o) {
        return o.path("apiVersion").asText();
    }

    public static String id(JsonNode o) {
        return kind(o) + "/" + name(o);
    }

    public static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    public static Map<String, String> labels(JsonNode o) {
        return stringMap(o.path("metadata").path("labels"));
    }

    /** Pod template labels of a Deployment. */
    public static Map<String, String> podLabels(JsonNode deployment) {
        return stringMap(deployment.path("spec").path("template").path("metadata").path("labels"));
    }

    public static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    public static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> list = new ArrayList<>();
        podSpec(deployment).path("containers").forEach(list::add);
        return list;
    }

    /** Does a LabelSelector (matchLabels and matchExpressions) select these labels? An empty selector selects all. */
    public static boolean selects(JsonNode labelSelector, Map<String, String> labels) {
        for (var e : stringMap(labelSelector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : labelSelector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean present = labels.containsKey(key);
            boolean matches = switch (expression.path("operator").asText()) {
                case "In" -> present && values.contains(labels.get(key));
                case "NotIn" -> !present || !values.contains(labels.get(key));
                case "Exists" -> present;
                case "DoesNotExist" -> !present;
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /** Does a plain label map (Service selector) select these labels? */
    public static boolean mapSelects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    public static boolean isEmptySelector(JsonNode labelSelector) {
        return labelSelector.path("matchLabels").size() == 0 && labelSelector.path("matchExpressions").size() == 0;
    }

    /** Resolves a port reference (number or container port name) against a container's ports. */
    public static OptionalInt resolvePort(JsonNode portRef, JsonNode container) {
        if (portRef.isInt() || (portRef.isTextual() && portRef.asText().matches("\\d+"))) {
            int port = portRef.asInt();
            for (JsonNode p : container.path("ports")) {
                if (p.path("containerPort").asInt() == port) {
                    return OptionalInt.of(port);
                }
            }
            return OptionalInt.empty();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(portRef.asText())) {
                return OptionalInt.of(p.path("containerPort").asInt());
            }
        }
        return OptionalInt.empty();
    }

    public static List<Integer> containerPorts(JsonNode container) {
        List<Integer> ports = new ArrayList<>();
        container.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
        return ports;
    }
}
