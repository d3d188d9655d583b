package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.deploy.ExternalObjects;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.OperatorManaged;
import io.microdrama.deploy.Overlay;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every ConfigMap, Secret (and key), ServiceAccount and custom resource an object refers to exists: rendered by
 * kustomize, created by an operator from a rendered custom resource, or listed in deploy/k8s/external-objects.yaml
 * for this overlay. An entry of that list which nothing in the overlay refers to is reported too.
 */
public final class ReferenceCheck implements Check {

    /** One reference: who refers, to what, and (for Secrets/ConfigMaps) which key, if any. */
    public record Reference(String from, String kind, String name, Optional<String> key) {
    }

    @Override
    public String name() {
        return "references";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        OperatorManaged operators = overlay.operators();
        Set<String> usedExternal = new TreeSet<>();
        for (Reference ref : references(overlay)) {
            resolve(overlay, operators, ref, usedExternal).ifPresent(problems::add);
        }
        usedExternal.addAll(EndpointCheck.externalServicesUsed(overlay));
        usedExternal.addAll(namespacesUsed(overlay));
        for (ExternalObjects.Entry entry : overlay.external().forOverlay(overlay.name())) {
            if (!usedExternal.contains(entry.id())) {
                problems.add("deploy/k8s/external-objects.yaml lists " + entry.id() + " for " + overlay.name()
                        + " but nothing refers to it");
            }
        }
        return problems;
    }

    private static Optional<String> resolve(Overlay overlay, OperatorManaged operators, Reference ref,
                                            Set<String> usedExternal) {
        String what = ref.kind + "/" + ref.name + ref.key.map(k -> " key " + k).orElse("");
        Optional<JsonNode> rendered = overlay.manifest().find(ref.kind, ref.name).map(JsonNode.class::cast);
        Set<String> keys = null;
        if (rendered.isPresent()) {
            keys = new TreeSet<>();
            for (String field : List.of("data", "stringData", "binaryData")) {
                rendered.get().path(field).fieldNames().forEachRemaining(keys::add);
            }
        } else if (ref.kind.equals("Secret") && operators.secret(ref.name).isPresent()) {
            keys = operators.secret(ref.name).get().keys();
        } else {
            Optional<ExternalObjects.Entry> external = overlay.external().find(overlay.name(), ref.kind, ref.name);
            if (external.isEmpty()) {
                return Optional.of(ref.from + " refers to " + what + ", which is not rendered, not created by an"
                        + " operator from a rendered resource, and not listed in deploy/k8s/external-objects.yaml");
            }
            usedExternal.add(external.get().id());
            keys = external.get().keys();
            if (ref.key.isPresent() && keys.isEmpty()) {
                return Optional.of("deploy/k8s/external-objects.yaml: " + external.get().id()
                        + " must list its keys (" + ref.from + " reads key " + ref.key.get() + ")");
            }
        }
        if (ref.key.isPresent() && (ref.kind.equals("Secret") || ref.kind.equals("ConfigMap"))
                && !keys.contains(ref.key.get())) {
            return Optional.of(ref.from + " reads " + what + ", but it has only the keys " + keys);
        }
        return Optional.empty();
    }

    public static List<Reference> references(Overlay overlay) {
        List<Reference> refs = new ArrayList<>();
        for (JsonNode deployment : overlay.manifest().ofKind("Deployment")) {
            String from = K8s.id(deployment);
            JsonNode pod = K8s.podSpec(deployment);
            String account = pod.path("serviceAccountName").asText("default");
            if (!account.equals("default")) {
                refs.add(new Reference(from, "ServiceAccount", account, Optional.empty()));
            }
            pod.path("imagePullSecrets").forEach(s -> refs.add(
                    new Reference(from, "Secret", s.path("name").asText(), Optional.empty())));
            for (String containers : List.of("initContainers", "containers")) {
                for (JsonNode container : pod.path(containers)) {
                    for (JsonNode envFrom : container.path("envFrom")) {
                        addRef(refs, from, "ConfigMap", envFrom.path("configMapRef"), null);
                        addRef(refs, from, "Secret", envFrom.path("secretRef"), null);
                    }
                    for (JsonNode env : container.path("env")) {
                        JsonNode valueFrom = env.path("valueFrom");
                        addRef(refs, from + " env " + env.path("name").asText(), "ConfigMap",
                                valueFrom.path("configMapKeyRef"), "key");
                        addRef(refs, from + " env " + env.path("name").asText(), "Secret",
                                valueFrom.path("secretKeyRef"), "key");
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                String vfrom = from + " volume " + volume.path("name").asText();
                volumeRefs(refs, vfrom, "ConfigMap", volume.path("configMap"), "name");
                volumeRefs(refs, vfrom, "Secret", volume.path("secret"), "secretName");
                for (JsonNode source : volume.path("projected").path("sources")) {
                    volumeRefs(refs, vfrom, "ConfigMap", source.path("configMap"), "name");
                    volumeRefs(refs, vfrom, "Secret", source.path("secret"), "name");
                }
            }
        }
        for (JsonNode ingress : overlay.manifest().ofKind("Ingress")) {
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                refs.add(new Reference(K8s.id(ingress), "Secret", tls.path("secretName").asText(), Optional.of("tls.crt")));
            }
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    refs.add(new Reference(K8s.id(ingress), "Service",
                            path.path("backend").path("service").path("name").asText(), Optional.empty()));
                }
            }
        }
        for (JsonNode keycloak : overlay.manifest().ofKind("Keycloak")) {
            String from = K8s.id(keycloak);
            JsonNode spec = keycloak.path("spec");
            addRef(refs, from + " db.usernameSecret", "Secret", spec.path("db").path("usernameSecret"), "key");
            addRef(refs, from + " db.passwordSecret", "Secret", spec.path("db").path("passwordSecret"), "key");
            for (String tls : List.of("http", "ingress")) {
                if (spec.path(tls).has("tlsSecret")) {
                    refs.add(new Reference(from + " " + tls + ".tlsSecret", "Secret",
                            spec.path(tls).path("tlsSecret").asText(), Optional.of("tls.crt")));
                }
            }
            for (JsonNode option : spec.path("additionalOptions")) {
                addRef(refs, from + " additionalOptions " + option.path("name").asText(), "Secret",
                        option.path("secret"), "key");
            }
        }
        for (JsonNode realmImport : overlay.manifest().ofKind("KeycloakRealmImport")) {
            String from = K8s.id(realmImport);
            refs.add(new Reference(from, "Keycloak", realmImport.path("spec").path("keycloakCRName").asText(),
                    Optional.empty()));
            realmImport.path("spec").path("placeholders").fields().forEachRemaining(p ->
                    addRef(refs, from + " placeholder " + p.getKey(), "Secret", p.getValue().path("secret"), "key"));
        }
        for (JsonNode cluster : overlay.manifest().ofKind("Cluster")) {
            String from = K8s.id(cluster);
            addRef(refs, from + " bootstrap.initdb.secret", "Secret",
                    cluster.path("spec").path("bootstrap").path("initdb").path("secret"), null);
            addRef(refs, from + " superuserSecret", "Secret", cluster.path("spec").path("superuserSecret"), null);
            for (JsonNode plugin : cluster.path("spec").path("plugins")) {
                JsonNode store = plugin.path("parameters").path("barmanObjectName");
                if (!store.isMissingNode()) {
                    refs.add(new Reference(from + " plugin " + plugin.path("name").asText(), "ObjectStore",
                            store.asText(), Optional.empty()));
                }
            }
        }
        for (JsonNode backup : overlay.manifest().ofKind("ScheduledBackup")) {
            refs.add(new Reference(K8s.id(backup), "Cluster", backup.path("spec").path("cluster").path("name").asText(),
                    Optional.empty()));
        }
        for (JsonNode store : overlay.manifest().ofKind("ObjectStore")) {
            JsonNode s3 = store.path("spec").path("configuration").path("s3Credentials");
            for (String credential : List.of("accessKeyId", "secretAccessKey", "region", "sessionToken")) {
                addRef(refs, K8s.id(store) + " " + credential, "Secret", s3.path(credential), "key");
            }
        }
        for (String kind : List.of("KafkaTopic", "KafkaUser", "KafkaNodePool")) {
            for (JsonNode o : overlay.manifest().ofKind(kind)) {
                refs.add(new Reference(K8s.id(o) + " label strimzi.io/cluster", "Kafka",
                        K8s.labels(o).getOrDefault("strimzi.io/cluster", ""), Optional.empty()));
            }
        }
        return refs;
    }

    private static void addRef(List<Reference> refs, String from, String kind, JsonNode selector, String keyField) {
        if (selector.isMissingNode() || selector.path("optional").asBoolean(false)) {
            return;
        }
        Optional<String> key = keyField == null ? Optional.empty() : Optional.of(selector.path(keyField).asText());
        refs.add(new Reference(from, kind, selector.path("name").asText(), key));
    }

    private static void volumeRefs(List<Reference> refs, String from, String kind, JsonNode source, String nameField) {
        if (source.isMissingNode() || source.path("optional").asBoolean(false)) {
            return;
        }
        String name = source.path(nameField).asText();
        if (source.path("items").isEmpty()) {
            refs.add(new Reference(from, kind, name, Optional.empty()));
        }
        source.path("items").forEach(item -> refs.add(new Reference(from, kind, name,
                Optional.of(item.path("key").asText()))));
    }

    private static Set<String> namespacesUsed(Overlay overlay) {
        Set<String> used = new LinkedHashSet<>();
        List<JsonNode> peers = new ArrayList<>();
        for (JsonNode policy : overlay.manifest().ofKind("NetworkPolicy")) {
            policy.path("spec").path("ingress").forEach(r -> r.path("from").forEach(peers::add));
            policy.path("spec").path("egress").forEach(r -> r.path("to").forEach(peers::add));
        }
        for (JsonNode keycloak : overlay.manifest().ofKind("Keycloak")) {
            keycloak.path("spec").path("networkPolicy").fields().forEachRemaining(e -> e.getValue().forEach(peers::add));
        }
        for (JsonNode kafka : overlay.manifest().ofKind("Kafka")) {
            kafka.path("spec").path("kafka").path("listeners").forEach(l -> l.path("networkPolicyPeers").forEach(peers::add));
        }
        for (JsonNode peer : peers) {
            String ns = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText();
            if (!ns.isEmpty()) {
                used.add("Namespace/" + ns);
            }
        }
        return used;
    }
}
