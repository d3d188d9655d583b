package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.deploy.ContainerEnv;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.Overlay;
import io.microdrama.deploy.config.ServiceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every service Deployment must have: startup, liveness and readiness probes; CPU and memory requests and
 * limits; a non-root, read-only, capability-free container with a writable /tmp; no service account token; a
 * preStop pause and a termination grace period longer than the pause plus quarkus.shutdown.timeout; a pinned image
 * (never :latest, no snapshots in prod).
 */
public final class WorkloadCheck implements Check {

    @Override
    public String name() {
        return "workloads";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : overlay.manifest().ofKind("Deployment")) {
            String id = K8s.id(deployment);
            JsonNode pod = K8s.podSpec(deployment);
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
                problems.add(id + ": pod securityContext.runAsNonRoot must be true");
            }
            if (!"RuntimeDefault".equals(pod.path("securityContext").path("seccompProfile").path("type").asText())) {
                problems.add(id + ": pod seccompProfile must be RuntimeDefault");
            }
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                problems.add(id + ": automountServiceAccountToken must be false (the services never call the API)");
            }
            Optional<ServiceConfig> service = overlay.serviceOf(deployment);
            for (JsonNode container : K8s.containers(deployment)) {
                String c = id + " container " + container.path("name").asText();
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    if (!container.path(probe).has("httpGet")) {
                        problems.add(c + ": no HTTP " + probe);
                    }
                }
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (!container.path("resources").path(bound).has(resource)) {
                            problems.add(c + ": no " + resource + " " + bound);
                        }
                    }
                }
                JsonNode security = container.path("securityContext");
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(c + ": readOnlyRootFilesystem must be true");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(c + ": allowPrivilegeEscalation must be false");
                }
                boolean dropsAll = false;
                for (JsonNode drop : security.path("capabilities").path("drop")) {
                    dropsAll |= drop.asText().equals("ALL");
                }
                if (!dropsAll) {
                    problems.add(c + ": capabilities must drop ALL");
                }
                boolean writableTmp = false;
                for (JsonNode mount : container.path("volumeMounts")) {
                    writableTmp |= mount.path("mountPath").asText().equals("/tmp") && !mount.path("readOnly").asBoolean(false);
                }
                if (!writableTmp) {
                    problems.add(c + ": read-only root filesystem without a writable /tmp (the JVM needs one)");
                }
                checkImage(problems, overlay, c, container.path("image").asText());
                long preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(-1);
                if (preStop < 0) {
                    problems.add(c + ": no preStop sleep (requests keep arriving while the endpoint is removed)");
                    preStop = 0;
                }
                if (service.isPresent()) {
                    long shutdown = service.get().shutdownTimeoutSeconds(
                            ContainerEnv.literals(ContainerEnv.of(overlay, container)));
                    long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
                    if (grace <= preStop + shutdown) {
                        problems.add(id + ": terminationGracePeriodSeconds " + grace + " must exceed preStop " + preStop
                                + " s + quarkus.shutdown.timeout " + shutdown + " s, or the kubelet kills in-flight work");
                    }
                }
            }
        }
        return problems;
    }

    private static void checkImage(List<String> problems, Overlay overlay, String where, String image) {
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        if (!lastSegment.contains(":") && !image.contains("@sha256:")) {
            problems.add(where + ": image " + image + " has no tag");
        } else if (lastSegment.endsWith(":latest")) {
            problems.add(where + ": image " + image + " uses :latest");
        } else if (overlay.name().equals("prod") && image.contains("SNAPSHOT")) {
            problems.add(where + ": prod runs a snapshot image " + image);
        }
    }
}
