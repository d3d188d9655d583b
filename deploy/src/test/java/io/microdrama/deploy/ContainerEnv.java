package io.microdrama.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The environment a container gets: envFrom ConfigMaps/Secrets first, then env entries, which win. */
public final class ContainerEnv {

    /** Where a variable comes from: a literal (env value or ConfigMap data) or a Secret/ConfigMap key. */
    public record Source(Optional<String> value, String from, Optional<String> secretName, Optional<String> key) {

        static Source literal(String value, String from) {
            return new Source(Optional.of(value), from, Optional.empty(), Optional.empty());
        }

        static Source secret(String secret, String key) {
            return new Source(Optional.empty(), "Secret " + secret, Optional.of(secret), Optional.of(key));
        }
    }

    private ContainerEnv() {
    }

    public static Map<String, Source> of(Overlay overlay, JsonNode container) {
        Map<String, Source> env = new LinkedHashMap<>();
        OperatorManaged operators = overlay.operators();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                overlay.manifest().configMapData(name).ifPresent(data ->
                        data.fields().forEachRemaining(e -> env.put(prefix + e.getKey(),
                                Source.literal(e.getValue().asText(), "ConfigMap " + name))));
            }
            if (from.has("secretRef")) {
                String name = from.path("secretRef").path("name").asText();
                Set<String> keys = operators.secret(name).map(OperatorManaged.Secret::keys)
                        .or(() -> overlay.external().find(overlay.name(), "Secret", name).map(ExternalObjects.Entry::keys))
                        .orElse(Set.of());
                keys.forEach(k -> env.put(prefix + k, Source.secret(name, k)));
            }
        }
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            if (e.has("value")) {
                env.put(name, Source.literal(e.path("value").asText(), "env"));
            } else if (e.path("valueFrom").has("secretKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                env.put(name, Source.secret(ref.path("name").asText(), ref.path("key").asText()));
            } else if (e.path("valueFrom").has("configMapKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                String cm = ref.path("name").asText();
                String value = overlay.manifest().configMapData(cm).map(d -> d.path(ref.path("key").asText()).asText())
                        .orElse("");
                env.put(name, Source.literal(value, "ConfigMap " + cm));
            } else {
                env.put(name, new Source(Optional.empty(), "valueFrom", Optional.empty(), Optional.empty()));
            }
        }
        return env;
    }

    /** Only the literal values, for resolving a service's property expressions. */
    public static Map<String, String> literals(Map<String, Source> env) {
        Map<String, String> literals = new LinkedHashMap<>();
        env.forEach((k, v) -> v.value().ifPresent(value -> literals.put(k, value)));
        return literals;
    }
}
