package io.microdrama.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The objects of one rendered overlay. Tests that prove a check fails work on {@link #copy()}, change it in memory
 * and run the checks again.
 */
public final class Manifest {

    private final String overlay;
    private final List<ObjectNode> objects;

    public Manifest(String overlay, List<ObjectNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    public static Manifest render(String overlay) {
        return new Manifest(overlay, Yaml.documents(Kustomize.render(Platform.overlayDir(overlay))));
    }

    public String overlay() {
        return overlay;
    }

    public List<ObjectNode> objects() {
        return objects;
    }

    public List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(K8s.kind(o))).toList();
    }

    public Optional<ObjectNode> find(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(K8s.kind(o)) && name.equals(K8s.name(o))).findFirst();
    }

    public ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new IllegalArgumentException(overlay + ": no " + kind + "/" + name));
    }

    /** A deep copy whose objects can be changed without touching this manifest. */
    public Manifest copy() {
        return new Manifest(overlay, objects.stream().map(ObjectNode::deepCopy).collect(Collectors.toList()));
    }

    public void remove(String kind, String name) {
        boolean removed = objects.removeIf(o -> kind.equals(K8s.kind(o)) && name.equals(K8s.name(o)));
        if (!removed) {
            throw new IllegalArgumentException(overlay + ": no " + kind + "/" + name + " to remove");
        }
    }

    /** The data of a rendered ConfigMap, or empty when there is none of that name. */
    public Optional<JsonNode> configMapData(String name) {
        return find("ConfigMap", name).map(cm -> cm.path("data"));
    }

    @Override
    public String toString() {
        return overlay + " (" + objects.size() + " objects)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Manifest m && m.overlay.equals(overlay) && m.objects.equals(objects);
    }

    @Override
    public int hashCode() {
        return Objects.hash(overlay, objects);
    }
}
