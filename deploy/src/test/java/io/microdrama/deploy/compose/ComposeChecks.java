package io.microdrama.deploy.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.deploy.Platform;
import io.microdrama.deploy.Yaml;
import io.microdrama.deploy.config.ServiceConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/compose/compose.yaml starts in order by itself: every service has a healthcheck, every dependency is
 * declared with a condition, everything a service's configuration points at is a dependency that listens on that
 * port, each platform service is built from its Dockerfile and gets the environment its application.properties
 * needs, Kafka gets every topic, and Keycloak imports the project's realm file.
 */
public final class ComposeChecks {

    private static final Pattern URL = Pattern.compile("^(?:[a-z][a-z0-9+.-]*:)*//([^/:?#]+)(?::(\\d+))?(/[^?#]*)?.*$");
    private static final Pattern HOST_PORT = Pattern.compile("^([A-Za-z0-9.-]+):(\\d+)$");
    private static final Pattern TCP_PORT = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)|localhost:(\\d+)");
    private static final Set<String> CONDITIONS = Set.of("service_healthy", "service_completed_successfully");

    private ComposeChecks() {
    }

    public static JsonNode load() {
        return Yaml.read(Platform.composeFile());
    }

    public static List<String> run(JsonNode compose, List<ServiceConfig> platformServices) {
        List<String> problems = new ArrayList<>();
        JsonNode services = compose.path("services");
        Path composeDir = Platform.composeFile().getParent();

        services.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode service = e.getValue();
            boolean oneShot = "no".equals(service.path("restart").asText()) && !service.has("healthcheck");
            if (!service.has("healthcheck") && !oneShot) {
                problems.add(name + ": no healthcheck, so nothing can wait for it to be ready");
            }
            service.path("depends_on").fields().forEachRemaining(dep -> {
                if (!services.has(dep.getKey())) {
                    problems.add(name + " depends on " + dep.getKey() + ", which is not a service");
                    return;
                }
                String condition = dep.getValue().path("condition").asText();
                if (!CONDITIONS.contains(condition)) {
                    problems.add(name + " depends on " + dep.getKey() + " without condition service_healthy "
                            + "(or service_completed_successfully): it would start before the dependency is ready");
                } else if (condition.equals("service_healthy") && !services.path(dep.getKey()).has("healthcheck")) {
                    problems.add(name + " waits for " + dep.getKey() + " to be healthy but it has no healthcheck");
                }
            });
            if (service.path("depends_on").isArray()) {
                problems.add(name + ": depends_on as a list has no conditions; use the long form");
            }
        });

        for (ServiceConfig config : platformServices) {
            String name = config.applicationName();
            JsonNode service = services.path(name);
            if (service.isMissingNode()) {
                problems.add("no compose service " + name + " for module " + config.module());
                continue;
            }
            Path context = composeDir.resolve(service.path("build").path("context").asText("")).normalize();
            Path dockerfile = context.resolve(service.path("build").path("dockerfile").asText("Dockerfile")).normalize();
            if (!context.equals(Platform.root().resolve(config.module()))) {
                problems.add(name + ": build context " + context + " is not the module directory");
            }
            if (!dockerfile.equals(Platform.dockerfile(config.module())) || !Files.isRegularFile(dockerfile)) {
                problems.add(name + ": build dockerfile " + dockerfile + " is not " + Platform.dockerfile(config.module()));
            }
            Map<String, String> env = environment(service);
            int port = config.httpPort(env);
            for (ServiceConfig.Requirement required : config.requiredEnv()) {
                if (!required.satisfiedBy(env.keySet())) {
                    problems.add(name + " does not set " + required.names() + " (" + required.property() + " "
                            + required.reason() + ")");
                }
            }
            Matcher health = TCP_PORT.matcher(service.path("healthcheck").path("test").toString());
            if (health.find()) {
                int checked = Integer.parseInt(health.group(1) != null ? health.group(1) : health.group(2));
                if (checked != port) {
                    problems.add(name + ": healthcheck probes port " + checked + " but the service listens on " + port);
                }
            } else {
                problems.add(name + ": healthcheck does not probe the service's HTTP port " + port);
            }
            if (!service.path("healthcheck").path("test").toString().contains(config.healthRoot() + "/ready")) {
                problems.add(name + ": healthcheck does not ask " + config.healthRoot() + "/ready");
            }
            Set<String> reachable = dependencies(services, name);
            env.forEach((variable, value) -> {
                if (config.connectsTo(variable)) {
                    checkAddress(problems, compose, platformServices, name, variable, value, reachable);
                }
            });
        }

        Set<String> topics = new LinkedHashSet<>();
        platformServices.forEach(s -> {
            topics.addAll(s.producedTopics());
            topics.addAll(s.consumedTopics());
        });
        String everything = compose.toString();
        for (String topic : topics) {
            if (!Pattern.compile("(?<![\\w.])" + Pattern.quote(topic) + "(?![\\w.])").matcher(everything).find()) {
                problems.add("topic " + topic + " is used by a service but no compose service creates it");
            }
        }

        JsonNode keycloak = services.path("keycloak");
        boolean realmMounted = false;
        for (JsonNode volume : keycloak.path("volumes")) {
            String source = volume.asText().split(":")[0];
            realmMounted |= composeDir.resolve(source).normalize().equals(Platform.realmFile());
        }
        if (!realmMounted) {
            problems.add("keycloak does not mount deploy/keycloak/microdrama-realm.json for import");
        }
        return problems;
    }

    private static void checkAddress(List<String> problems, JsonNode compose, List<ServiceConfig> platformServices,
                                     String service, String variable, String value, Set<String> reachable) {
        String host;
        int port;
        Matcher url = URL.matcher(value);
        Matcher hostPort = HOST_PORT.matcher(value);
        if (url.matches() && url.group(2) != null) {
            host = url.group(1);
            port = Integer.parseInt(url.group(2));
        } else if (hostPort.matches()) {
            host = hostPort.group(1);
            port = Integer.parseInt(hostPort.group(2));
        } else {
            return;
        }
        String where = service + " " + variable + "=" + value;
        if (host.equals("localhost") || host.startsWith("127.")) {
            problems.add(where + " points at the container itself");
            return;
        }
        JsonNode target = compose.path("services").path(host);
        if (target.isMissingNode()) {
            problems.add(where + " names " + host + ", which is no compose service");
            return;
        }
        if (!reachable.contains(host)) {
            problems.add(where + ": " + service + " does not depend on " + host + ", so it may start first");
        }
        Set<Integer> listening = listeningPorts(target, host, platformServices);
        if (!listening.contains(port)) {
            problems.add(where + ": " + host + " listens on " + listening + ", not " + port);
        }
    }

    /** Container-side ports: platform services' HTTP port, published and exposed ports. */
    private static Set<Integer> listeningPorts(JsonNode service, String name, List<ServiceConfig> platformServices) {
        Set<Integer> ports = new LinkedHashSet<>();
        platformServices.stream().filter(s -> s.applicationName().equals(name))
                .forEach(s -> ports.add(s.httpPort(environment(service))));
        for (JsonNode p : service.path("ports")) {
            String[] parts = p.asText().split(":");
            ports.add(Integer.parseInt(parts[parts.length - 1].split("/")[0]));
        }
        service.path("expose").forEach(p -> ports.add(Integer.parseInt(p.asText().split("/")[0])));
        return ports;
    }

    /** Everything a service waits for, directly or through its dependencies. */
    private static Set<String> dependencies(JsonNode services, String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            services.path(todo.pop()).path("depends_on").fieldNames().forEachRemaining(d -> {
                if (seen.add(d)) {
                    todo.push(d);
                }
            });
        }
        return seen;
    }

    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode environment = service.path("environment");
        if (environment.isArray()) {
            environment.forEach(e -> {
                String[] kv = e.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        } else {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }
}
