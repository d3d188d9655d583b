package io.microdrama.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers to break a rendered manifest in memory. */
final class Mutations {

    private Mutations() {
    }

    static ObjectNode object(Manifest manifest, String kind, String name, String pointer) {
        JsonNode node = manifest.get(kind, name).at(pointer);
        if (!(node instanceof ObjectNode o)) {
            throw new IllegalArgumentException(kind + "/" + name + pointer + " is not an object: " + node);
        }
        return o;
    }

    static ArrayNode array(Manifest manifest, String kind, String name, String pointer) {
        JsonNode node = manifest.get(kind, name).at(pointer);
        if (!(node instanceof ArrayNode a)) {
            throw new IllegalArgumentException(kind + "/" + name + pointer + " is not an array: " + node);
        }
        return a;
    }

    static ObjectNode container(Manifest manifest, String deployment) {
        return object(manifest, "Deployment", deployment, "/spec/template/spec/containers/0");
    }

    /** The env entry of a container by variable name. */
    static ObjectNode env(Manifest manifest, String deployment, String variable) {
        for (JsonNode e : container(manifest, deployment).path("env")) {
            if (e.path("name").asText().equals(variable)) {
                return (ObjectNode) e;
            }
        }
        throw new IllegalArgumentException(deployment + " has no env " + variable);
    }

    /** The generated (hash-suffixed) ConfigMap whose name starts with this prefix. */
    static ObjectNode configMap(Manifest manifest, String prefix) {
        return manifest.ofKind("ConfigMap").stream()
                .filter(cm -> K8s.name(cm).startsWith(prefix + "-") || K8s.name(cm).equals(prefix))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no ConfigMap " + prefix));
    }
}
