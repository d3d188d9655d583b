package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.OperatorManaged;
import io.microdrama.deploy.Overlay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Selectors select what they are meant to: a Deployment its own pods, a Service/PodDisruptionBudget/ServiceMonitor
 * at least one pod or Service, a NetworkPolicy (and the Strimzi/Keycloak network policy peers) pods that exist
 * (ours or the operators'), namespace selectors namespaces that exist or are listed as external.
 */
public final class SelectorCheck implements Check {

    @Override
    public String name() {
        return "selectors";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        List<Map<String, String>> pods = podLabels(overlay);

        for (JsonNode deployment : overlay.manifest().ofKind("Deployment")) {
            Map<String, String> own = K8s.podLabels(deployment);
            JsonNode selector = deployment.path("spec").path("selector");
            if (K8s.isEmptySelector(selector) || !K8s.selects(selector, own)) {
                problems.add(K8s.id(deployment) + ": spec.selector " + selector + " does not select its pod labels " + own);
            }
            for (JsonNode spread : K8s.podSpec(deployment).path("topologySpreadConstraints")) {
                if (!K8s.selects(spread.path("labelSelector"), own)) {
                    problems.add(K8s.id(deployment) + ": topologySpreadConstraints labelSelector "
                            + spread.path("labelSelector") + " does not select its own pods " + own);
                }
            }
        }
        for (JsonNode service : overlay.manifest().ofKind("Service")) {
            Map<String, String> selector = K8s.stringMap(service.path("spec").path("selector"));
            boolean selectsAny = overlay.manifest().ofKind("Deployment").stream()
                    .anyMatch(d -> K8s.mapSelects(selector, K8s.podLabels(d)));
            if (!selectsAny) {
                problems.add(K8s.id(service) + ": selector " + selector + " matches no pod template");
            }
        }
        for (JsonNode pdb : overlay.manifest().ofKind("PodDisruptionBudget")) {
            requireSelectsPod(problems, K8s.id(pdb) + " spec.selector", pdb.path("spec").path("selector"), pods);
        }
        for (JsonNode hpa : overlay.manifest().ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            if (overlay.manifest().find(target.path("kind").asText(), target.path("name").asText()).isEmpty()) {
                problems.add(K8s.id(hpa) + ": scaleTargetRef " + target.path("kind").asText() + "/"
                        + target.path("name").asText() + " does not exist");
            }
        }
        for (JsonNode policy : overlay.manifest().ofKind("NetworkPolicy")) {
            JsonNode podSelector = policy.path("spec").path("podSelector");
            if (!K8s.isEmptySelector(podSelector)) {
                requireSelectsPod(problems, K8s.id(policy) + " spec.podSelector", podSelector, pods);
            }
            for (String direction : List.of("ingress", "egress")) {
                String peers = direction.equals("ingress") ? "from" : "to";
                for (JsonNode rule : policy.path("spec").path(direction)) {
                    for (JsonNode peer : rule.path(peers)) {
                        checkPeer(problems, overlay, K8s.id(policy) + " " + direction + "." + peers, peer, pods);
                    }
                }
            }
        }
        for (JsonNode kafka : overlay.manifest().ofKind("Kafka")) {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                for (JsonNode peer : listener.path("networkPolicyPeers")) {
                    checkPeer(problems, overlay, K8s.id(kafka) + " listener " + listener.path("name").asText()
                            + " networkPolicyPeers", peer, pods);
                }
            }
        }
        for (JsonNode keycloak : overlay.manifest().ofKind("Keycloak")) {
            for (String rule : List.of("http", "https", "management")) {
                for (JsonNode peer : keycloak.path("spec").path("networkPolicy").path(rule)) {
                    checkPeer(problems, overlay, K8s.id(keycloak) + " networkPolicy." + rule, peer, pods);
                }
            }
        }
        for (JsonNode monitor : overlay.manifest().ofKind("ServiceMonitor")) {
            JsonNode selector = monitor.path("spec").path("selector");
            boolean selectsAny = overlay.manifest().ofKind("Service").stream()
                    .anyMatch(s -> K8s.selects(selector, K8s.labels(s)));
            if (!selectsAny) {
                problems.add(K8s.id(monitor) + ": selector " + selector + " matches no Service");
            }
        }
        return problems;
    }

    private static List<Map<String, String>> podLabels(Overlay overlay) {
        List<Map<String, String>> pods = new ArrayList<>();
        overlay.manifest().ofKind("Deployment").forEach(d -> pods.add(K8s.podLabels(d)));
        overlay.operators().pods().stream().map(OperatorManaged.Pods::labels).forEach(pods::add);
        return pods;
    }

    private static void requireSelectsPod(List<String> problems, String where, JsonNode selector,
                                          List<Map<String, String>> pods) {
        if (K8s.isEmptySelector(selector)) {
            problems.add(where + ": empty selector (selects every pod)");
        } else if (pods.stream().noneMatch(labels -> K8s.selects(selector, labels))) {
            problems.add(where + " " + selector + " matches no pod (neither a Deployment's nor an operator's)");
        }
    }

    private static void checkPeer(List<String> problems, Overlay overlay, String where, JsonNode peer,
                                  List<Map<String, String>> pods) {
        boolean otherNamespace = peer.has("namespaceSelector");
        if (otherNamespace) {
            JsonNode nsSelector = peer.path("namespaceSelector");
            String namespace = nsSelector.path("matchLabels").path("kubernetes.io/metadata.name").asText();
            if (namespace.isEmpty()) {
                problems.add(where + ": namespaceSelector " + nsSelector
                        + " must name its namespace (kubernetes.io/metadata.name) so it can be checked");
            } else if (overlay.manifest().find("Namespace", namespace).isEmpty()
                    && overlay.external().find(overlay.name(), "Namespace", namespace).isEmpty()) {
                problems.add(where + ": namespace " + namespace
                        + " is neither rendered nor listed in deploy/k8s/external-objects.yaml");
            }
        }
        if (peer.has("podSelector") && !otherNamespace) {
            requireSelectsPod(problems, where + " podSelector", peer.path("podSelector"), pods);
        }
    }
}
