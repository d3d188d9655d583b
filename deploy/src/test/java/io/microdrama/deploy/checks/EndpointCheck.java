package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.deploy.ContainerEnv;
import io.microdrama.deploy.ExternalObjects;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.OperatorManaged;
import io.microdrama.deploy.Overlay;
import io.microdrama.deploy.config.ServiceConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses in the services' configuration lead somewhere: every URL or host:port a container's environment holds
 * names a Service (rendered, operator-created, or listed as external) on a port it has. A database URL names the
 * database its CloudNativePG cluster creates and is paired with that cluster's credentials; an OIDC URL names a
 * realm that is imported. Nothing points at the loopback interface.
 */
public final class EndpointCheck implements Check {

    private static final Pattern URL = Pattern.compile("^(?:[a-z][a-z0-9+.-]*:)*//([^/:?#]+)(?::(\\d+))?(/[^?#]*)?.*$");
    private static final Pattern HOST_PORTS = Pattern.compile("^[A-Za-z0-9.-]+:\\d+(,[A-Za-z0-9.-]+:\\d+)*$");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "postgresql", 5432);

    /** One address found in a container's environment. */
    record Endpoint(String deployment, String variable, String host, int port, String path) {
    }

    @Override
    public String name() {
        return "endpoints";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        String namespace = namespace(overlay);
        OperatorManaged operators = overlay.operators();
        for (JsonNode deployment : overlay.manifest().ofKind("Deployment")) {
            Optional<ServiceConfig> config = overlay.serviceOf(deployment);
            for (JsonNode container : K8s.containers(deployment)) {
                Map<String, ContainerEnv.Source> env = ContainerEnv.of(overlay, container);
                for (Endpoint e : endpoints(K8s.id(deployment), ContainerEnv.literals(env))) {
                    if (config.isPresent() && !config.get().connectsTo(e.variable)) {
                        continue; // a browser origin or a trusted-proxy list, not an address the pod calls
                    }
                    String where = e.deployment + " " + e.variable + " (" + e.host + ":" + e.port + ")";
                    if (e.host.equals("localhost") || e.host.startsWith("127.") || e.host.equals("[::1]")) {
                        problems.add(where + " points at the loopback interface");
                        continue;
                    }
                    Optional<String[]> svc = serviceName(e.host, namespace);
                    if (svc.isEmpty()) {
                        continue; // a public host name: not ours to check
                    }
                    String serviceNs = svc.get()[0];
                    String service = svc.get()[1];
                    if (!serviceNs.equals(namespace)) {
                        Optional<ExternalObjects.Entry> external =
                                overlay.external().find(overlay.name(), "Service", service, serviceNs);
                        if (external.isEmpty()) {
                            problems.add(where + " names Service " + serviceNs + "/" + service
                                    + ", which is not listed in deploy/k8s/external-objects.yaml");
                        } else if (!external.get().ports().contains(e.port)) {
                            problems.add(where + " uses a port that external Service " + serviceNs + "/" + service
                                    + " does not list " + external.get().ports());
                        }
                        continue;
                    }
                    Set<Integer> ports = servicePorts(overlay, operators, service);
                    if (ports == null) {
                        problems.add(where + " names Service " + service + ", which neither the manifests nor an"
                                + " operator creates");
                    } else if (!ports.contains(e.port)) {
                        problems.add(where + " uses port " + e.port + " but Service " + service + " has " + ports);
                    } else {
                        checkDatabase(problems, overlay, where, service, e.path, env);
                        checkRealm(problems, overlay, where, service, e.path);
                    }
                }
            }
        }
        return problems;
    }

    /** Services in other namespaces that containers' environments address, as external-objects ids. */
    static Set<String> externalServicesUsed(Overlay overlay) {
        Set<String> used = new LinkedHashSet<>();
        String namespace = namespace(overlay);
        for (JsonNode deployment : overlay.manifest().ofKind("Deployment")) {
            for (JsonNode container : K8s.containers(deployment)) {
                for (Endpoint e : endpoints(K8s.id(deployment), ContainerEnv.literals(ContainerEnv.of(overlay, container)))) {
                    serviceName(e.host, namespace).filter(s -> !s[0].equals(namespace))
                            .ifPresent(s -> used.add("Service/" + s[0] + "/" + s[1]));
                }
            }
        }
        return used;
    }

    static List<Endpoint> endpoints(String deployment, Map<String, String> env) {
        List<Endpoint> found = new ArrayList<>();
        env.forEach((name, value) -> {
            Matcher url = URL.matcher(value);
            if (url.matches()) {
                String scheme = value.substring(0, value.indexOf("//") - 1);
                scheme = scheme.substring(scheme.lastIndexOf(':') + 1);
                int port = url.group(2) != null ? Integer.parseInt(url.group(2)) : DEFAULT_PORTS.getOrDefault(scheme, -1);
                found.add(new Endpoint(deployment, name, url.group(1), port, url.group(3) == null ? "" : url.group(3)));
            } else if (HOST_PORTS.matcher(value).matches()) {
                for (String hostPort : value.split(",")) {
                    String[] parts = hostPort.split(":");
                    found.add(new Endpoint(deployment, name, parts[0], Integer.parseInt(parts[1]), ""));
                }
            }
        });
        return found;
    }

    /** [namespace, service] for cluster-internal names (name, name.ns.svc[.cluster.local]); empty for others. */
    static Optional<String[]> serviceName(String host, String namespace) {
        if (!host.contains(".")) {
            return Optional.of(new String[] {namespace, host});
        }
        String[] labels = host.split("\\.");
        if (labels.length >= 3 && labels[2].equals("svc")) {
            return Optional.of(new String[] {labels[1], labels[0]});
        }
        return Optional.empty();
    }

    static String namespace(Overlay overlay) {
        return overlay.manifest().ofKind("Deployment").stream()
                .map(d -> d.path("metadata").path("namespace").asText())
                .filter(ns -> !ns.isEmpty()).findFirst().orElse("default");
    }

    private static Set<Integer> servicePorts(Overlay overlay, OperatorManaged operators, String service) {
        Optional<JsonNode> rendered = overlay.manifest().find("Service", service).map(JsonNode.class::cast);
        if (rendered.isPresent()) {
            Set<Integer> ports = new LinkedHashSet<>();
            rendered.get().path("spec").path("ports").forEach(p -> ports.add(p.path("port").asInt()));
            return ports;
        }
        return operators.service(service).map(OperatorManaged.Service::ports).orElse(null);
    }

    private static void checkDatabase(List<String> problems, Overlay overlay, String where, String service,
                                      String path, Map<String, ContainerEnv.Source> env) {
        for (JsonNode cluster : overlay.manifest().ofKind("Cluster")) {
            String name = K8s.name(cluster);
            if (!List.of(name + "-rw", name + "-ro", name + "-r").contains(service)) {
                continue;
            }
            String database = cluster.path("spec").path("bootstrap").path("initdb").path("database").asText();
            if (!path.equals("/" + database)) {
                problems.add(where + " opens database '" + path.replaceFirst("^/", "") + "' but Cluster " + name
                        + " creates '" + database + "'");
            }
            for (JsonNode other : overlay.manifest().ofKind("Cluster")) {
                String otherName = K8s.name(other);
                if (otherName.equals(name)) {
                    continue;
                }
                env.forEach((variable, source) -> source.secretName()
                        .filter(secret -> secret.startsWith(otherName + "-"))
                        .ifPresent(secret -> problems.add(where + " is Cluster " + name + " but " + variable
                                + " comes from " + secret + " (credentials of Cluster " + otherName + ")")));
            }
        }
    }

    private static void checkRealm(List<String> problems, Overlay overlay, String where, String service, String path) {
        for (JsonNode keycloak : overlay.manifest().ofKind("Keycloak")) {
            if (!service.equals(K8s.name(keycloak) + "-service") || !path.startsWith("/realms/")) {
                continue;
            }
            String realm = path.substring("/realms/".length()).split("/")[0];
            boolean imported = overlay.manifest().ofKind("KeycloakRealmImport").stream()
                    .anyMatch(i -> i.path("spec").path("keycloakCRName").asText().equals(K8s.name(keycloak))
                            && i.path("spec").path("realm").path("realm").asText().equals(realm));
            if (!imported) {
                problems.add(where + " uses realm '" + realm + "', which no KeycloakRealmImport creates in "
                        + K8s.id(keycloak));
            }
        }
    }
}
