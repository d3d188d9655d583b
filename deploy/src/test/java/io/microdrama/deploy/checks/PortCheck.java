package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.deploy.ContainerEnv;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.OperatorManaged;
import io.microdrama.deploy.Overlay;
import io.microdrama.deploy.Platform;
import io.microdrama.deploy.config.ServiceConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ports agree everywhere: the port Quarkus listens on (quarkus.http.port with the Deployment's environment) is the
 * container port, the Dockerfile's EXPOSE and the Prometheus scrape port; probes hit the health port on the
 * SmallRye Health paths; Service targetPorts, Ingress backends, ServiceMonitor endpoints and NetworkPolicy ports
 * name ports the selected pods really have.
 */
public final class PortCheck implements Check {

    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
    private static final Map<String, String> PROBE_PATHS =
            Map.of("startupProbe", "/started", "livenessProbe", "/live", "readinessProbe", "/ready");

    @Override
    public String name() {
        return "ports";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : overlay.manifest().ofKind("Deployment")) {
            checkDeployment(problems, overlay, deployment);
        }
        for (JsonNode service : overlay.manifest().ofKind("Service")) {
            checkService(problems, overlay, service);
        }
        for (JsonNode ingress : overlay.manifest().ofKind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    checkServicePort(problems, overlay, K8s.id(ingress) + " backend", backend.path("name").asText(),
                            backend.path("port"));
                }
            }
        }
        for (JsonNode monitor : overlay.manifest().ofKind("ServiceMonitor")) {
            for (JsonNode service : overlay.manifest().ofKind("Service")) {
                if (!K8s.selects(monitor.path("spec").path("selector"), K8s.labels(service))) {
                    continue;
                }
                for (JsonNode endpoint : monitor.path("spec").path("endpoints")) {
                    checkServicePort(problems, overlay, K8s.id(monitor) + " endpoint", K8s.name(service),
                            endpoint.path("port"));
                }
            }
        }
        for (JsonNode policy : overlay.manifest().ofKind("NetworkPolicy")) {
            checkNetworkPolicy(problems, overlay, policy);
        }
        return problems;
    }

    private static void checkDeployment(List<String> problems, Overlay overlay, JsonNode deployment) {
        String id = K8s.id(deployment);
        Optional<ServiceConfig> service = overlay.serviceOf(deployment);
        for (JsonNode container : K8s.containers(deployment)) {
            Map<String, String> env = ContainerEnv.literals(ContainerEnv.of(overlay, container));
            List<Integer> declared = K8s.containerPorts(container);
            for (String probe : PROBE_PATHS.keySet()) {
                JsonNode httpGet = container.path(probe).path("httpGet");
                if (httpGet.isMissingNode()) {
                    continue; // presence is the workload check's business
                }
                OptionalInt port = K8s.resolvePort(httpGet.path("port"), container);
                if (port.isEmpty()) {
                    problems.add(id + " " + probe + " port " + httpGet.path("port").asText()
                            + " is not a container port " + declared);
                    continue;
                }
                if (service.isPresent()) {
                    int health = service.get().healthPort(env);
                    if (port.getAsInt() != health) {
                        problems.add(id + " " + probe + " targets port " + port.getAsInt() + " but "
                                + service.get().module() + " serves health on " + health);
                    }
                    String expectedPath = service.get().healthRoot() + PROBE_PATHS.get(probe);
                    if (!expectedPath.equals(httpGet.path("path").asText())) {
                        problems.add(id + " " + probe + " path " + httpGet.path("path").asText() + " is not "
                                + expectedPath);
                    }
                }
            }
            if (service.isEmpty()) {
                continue;
            }
            int http = service.get().httpPort(env);
            if (!declared.contains(http)) {
                problems.add(id + ": " + service.get().module() + " listens on " + http
                        + " (quarkus.http.port) but the container declares " + declared);
            }
            JsonNode annotations = deployment.path("spec").path("template").path("metadata").path("annotations");
            if ("true".equals(annotations.path("prometheus.io/scrape").asText())) {
                int metrics = service.get().healthPort(env);
                if (annotations.path("prometheus.io/port").asInt(-1) != metrics) {
                    problems.add(id + ": prometheus.io/port " + annotations.path("prometheus.io/port").asText()
                            + " but metrics are served on " + metrics);
                }
            }
            Path dockerfile = Platform.dockerfile(service.get().module());
            if (!Files.isRegularFile(dockerfile)) {
                problems.add(service.get().module() + " has no Dockerfile at " + Platform.root().relativize(dockerfile));
            } else {
                Set<Integer> exposed = exposedPorts(dockerfile);
                if (!exposed.contains(http)) {
                    problems.add(Platform.root().relativize(dockerfile) + " EXPOSEs " + exposed + " but "
                            + service.get().module() + " listens on " + http);
                }
            }
        }
    }

    public static Set<Integer> exposedPorts(Path dockerfile) {
        try {
            Set<Integer> ports = new LinkedHashSet<>();
            Matcher m = EXPOSE.matcher(Files.readString(dockerfile));
            while (m.find()) {
                ports.add(Integer.parseInt(m.group(1)));
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkService(List<String> problems, Overlay overlay, JsonNode service) {
        Map<String, String> selector = K8s.stringMap(service.path("spec").path("selector"));
        for (JsonNode deployment : overlay.manifest().ofKind("Deployment")) {
            if (!K8s.mapSelects(selector, K8s.podLabels(deployment))) {
                continue;
            }
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                boolean found = K8s.containers(deployment).stream()
                        .anyMatch(c -> K8s.resolvePort(target, c).isPresent());
                if (!found) {
                    problems.add(K8s.id(service) + " port " + port.path("name").asText(port.path("port").asText())
                            + " targets " + target.asText() + ", which " + K8s.id(deployment) + " does not declare");
                }
            }
        }
    }

    private static void checkServicePort(List<String> problems, Overlay overlay, String from, String serviceName,
                                         JsonNode portRef) {
        Optional<JsonNode> service = overlay.manifest().find("Service", serviceName).map(JsonNode.class::cast);
        if (service.isEmpty()) {
            Optional<OperatorManaged.Service> managed = overlay.operators().service(serviceName);
            if (managed.isEmpty()) {
                problems.add(from + " refers to Service " + serviceName + ", which does not exist");
            } else if (portRef.isInt() && !managed.get().ports().contains(portRef.asInt())) {
                problems.add(from + " uses port " + portRef.asInt() + " of " + serviceName + ", which has "
                        + managed.get().ports());
            }
            return;
        }
        for (JsonNode port : service.get().path("spec").path("ports")) {
            boolean byName = portRef.has("name") && portRef.path("name").asText().equals(port.path("name").asText())
                    || portRef.isTextual() && portRef.asText().equals(port.path("name").asText());
            boolean byNumber = portRef.has("number") && portRef.path("number").asInt() == port.path("port").asInt()
                    || portRef.isInt() && portRef.asInt() == port.path("port").asInt();
            if (byName || byNumber) {
                return;
            }
        }
        problems.add(from + " uses port " + portRef + " of Service " + serviceName + ", which has no such port");
    }

    private static void checkNetworkPolicy(List<String> problems, Overlay overlay, JsonNode policy) {
        String id = K8s.id(policy);
        JsonNode podSelector = policy.path("spec").path("podSelector");
        if (!K8s.isEmptySelector(podSelector)) {
            for (JsonNode deployment : overlay.manifest().ofKind("Deployment")) {
                if (!K8s.selects(podSelector, K8s.podLabels(deployment))) {
                    continue;
                }
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    for (JsonNode port : rule.path("ports")) {
                        boolean open = K8s.containers(deployment).stream()
                                .anyMatch(c -> K8s.resolvePort(port.path("port"), c).isPresent());
                        if (!open) {
                            problems.add(id + " admits port " + port.path("port").asText() + " to "
                                    + K8s.id(deployment) + ", which does not declare it");
                        }
                    }
                }
            }
        }
        for (JsonNode rule : policy.path("spec").path("egress")) {
            for (JsonNode peer : rule.path("to")) {
                if (!peer.has("podSelector") || peer.has("namespaceSelector")) {
                    continue;
                }
                JsonNode selector = peer.path("podSelector");
                for (JsonNode port : rule.path("ports")) {
                    boolean open = false;
                    for (JsonNode deployment : overlay.manifest().ofKind("Deployment")) {
                        if (K8s.selects(selector, K8s.podLabels(deployment))) {
                            open |= K8s.containers(deployment).stream()
                                    .anyMatch(c -> K8s.resolvePort(port.path("port"), c).isPresent());
                        }
                    }
                    for (OperatorManaged.Pods pods : overlay.operators().pods()) {
                        if (K8s.selects(selector, pods.labels())) {
                            open |= pods.ports().contains(port.path("port").asInt());
                        }
                    }
                    if (!open) {
                        problems.add(id + " lets traffic out to port " + port.path("port").asText() + " of pods "
                                + selector + ", none of which listens there");
                    }
                }
            }
        }
    }
}
