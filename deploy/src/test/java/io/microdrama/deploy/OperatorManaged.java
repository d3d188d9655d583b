package io.microdrama.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Objects the operators create from the rendered custom resources, by the naming and labelling rules each operator
 * documents. References to them count as satisfied only when the custom resource that yields them is rendered.
 */
public final class OperatorManaged {

    public record Secret(String name, Set<String> keys, String source) {
    }

    public record Service(String name, Set<Integer> ports, String source) {
    }

    /** Pods an operator runs: their labels and the ports they listen on. */
    public record Pods(Map<String, String> labels, Set<Integer> ports, String source) {
    }

    private static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "user", "dbname", "host",
            "port", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri", "pgpass");

    private final List<Secret> secrets = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Pods> pods = new ArrayList<>();

    public OperatorManaged(Manifest manifest) {
        for (JsonNode cluster : manifest.ofKind("Cluster")) {
            String name = K8s.name(cluster);
            String source = "CloudNativePG Cluster " + name;
            secrets.add(new Secret(name + "-app", CNPG_APP_SECRET_KEYS, source));
            if (cluster.path("spec").path("enableSuperuserAccess").asBoolean(false)) {
                secrets.add(new Secret(name + "-superuser", CNPG_APP_SECRET_KEYS, source));
            }
            for (String suffix : List.of("-rw", "-ro", "-r")) {
                services.add(new Service(name + suffix, Set.of(5432), source));
            }
            pods.add(new Pods(Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"),
                    Set.of(5432, 8000, 9187), source));
        }
        for (JsonNode kafka : manifest.ofKind("Kafka")) {
            String name = K8s.name(kafka);
            String source = "Strimzi Kafka " + name;
            secrets.add(new Secret(name + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"), source));
            Set<Integer> listenerPorts = new LinkedHashSet<>();
            kafka.path("spec").path("kafka").path("listeners").forEach(l -> listenerPorts.add(l.path("port").asInt()));
            services.add(new Service(name + "-kafka-bootstrap", listenerPorts, source));
            Set<Integer> podPorts = new LinkedHashSet<>(listenerPorts);
            podPorts.addAll(Set.of(9090, 9091));
            for (JsonNode pool : manifest.ofKind("KafkaNodePool")) {
                if (!name.equals(K8s.labels(pool).get("strimzi.io/cluster"))) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("strimzi.io/cluster", name);
                labels.put("strimzi.io/kind", "Kafka");
                labels.put("strimzi.io/name", name + "-kafka");
                labels.put("strimzi.io/pool-name", K8s.name(pool));
                labels.put("strimzi.io/broker-role", String.valueOf(roles.contains("broker")));
                labels.put("strimzi.io/controller-role", String.valueOf(roles.contains("controller")));
                pods.add(new Pods(labels, podPorts, source + " node pool " + K8s.name(pool)));
            }
        }
        for (JsonNode user : manifest.ofKind("KafkaUser")) {
            String type = user.path("spec").path("authentication").path("type").asText();
            Set<String> keys = type.startsWith("scram")
                    ? Set.of("password", "sasl.jaas.config")
                    : Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password");
            secrets.add(new Secret(K8s.name(user), keys, "Strimzi KafkaUser " + K8s.name(user)));
        }
        for (JsonNode keycloak : manifest.ofKind("Keycloak")) {
            String name = K8s.name(keycloak);
            String source = "Keycloak " + name;
            JsonNode http = keycloak.path("spec").path("http");
            Set<Integer> ports = new LinkedHashSet<>();
            if (http.path("httpEnabled").asBoolean(false)) {
                ports.add(http.path("httpPort").asInt(8080));
            }
            if (http.has("tlsSecret")) {
                ports.add(http.path("httpsPort").asInt(8443));
            }
            ports.add(9000);
            services.add(new Service(name + "-service", ports, source));
            secrets.add(new Secret(name + "-initial-admin", Set.of("username", "password"), source));
            pods.add(new Pods(Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                    "app.kubernetes.io/instance", name), ports, source));
        }
    }

    public Optional<Secret> secret(String name) {
        return secrets.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    public Optional<Service> service(String name) {
        return services.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    public List<Pods> pods() {
        return pods;
    }
}
