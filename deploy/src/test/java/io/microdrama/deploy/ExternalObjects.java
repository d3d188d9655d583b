package io.microdrama.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** deploy/k8s/external-objects.yaml: what the manifests may reference without creating it. */
public final class ExternalObjects {

    public record Entry(String kind, String name, String namespace, Set<String> overlays, Set<String> keys,
                        Set<Integer> ports, String createdBy) {

        public String id() {
            return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
        }
    }

    private final List<Entry> entries;

    private ExternalObjects(List<Entry> entries) {
        this.entries = entries;
    }

    public static ExternalObjects load(Path file) {
        JsonNode root = Yaml.read(file);
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : root.path("objects")) {
            Set<String> overlays = new TreeSet<>();
            e.path("overlays").forEach(o -> overlays.add(o.asText()));
            Set<String> keys = new TreeSet<>();
            e.path("keys").forEach(k -> keys.add(k.asText()));
            Set<Integer> ports = new TreeSet<>();
            e.path("ports").forEach(p -> ports.add(p.asInt()));
            String createdBy = e.path("createdBy").asText();
            if (createdBy.isBlank()) {
                throw new IllegalArgumentException(file + ": entry " + e + " does not say who creates it (createdBy)");
            }
            entries.add(new Entry(e.path("kind").asText(), e.path("name").asText(), e.path("namespace").asText(),
                    overlays, keys, ports, createdBy));
        }
        return new ExternalObjects(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> find(String overlay, String kind, String name, String namespace) {
        return entries.stream()
                .filter(e -> e.kind.equals(kind) && e.name.equals(name) && e.namespace.equals(namespace))
                .filter(e -> e.overlays.contains(overlay))
                .findFirst();
    }

    public Optional<Entry> find(String overlay, String kind, String name) {
        return find(overlay, kind, name, "");
    }

    public List<Entry> forOverlay(String overlay) {
        return entries.stream().filter(e -> e.overlays.contains(overlay)).toList();
    }
}
