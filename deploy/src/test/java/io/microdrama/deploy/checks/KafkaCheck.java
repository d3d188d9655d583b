package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.deploy.ContainerEnv;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.Overlay;
import io.microdrama.deploy.Platform;
import io.microdrama.deploy.Yaml;
import io.microdrama.deploy.config.ServiceConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka, from the services' point of view. Each topic a service's application.properties names (outgoing, incoming,
 * dead-letter) exists as a KafkaTopic of the cluster it connects to; the KafkaUser whose credentials its Deployment
 * reads grants exactly what it needs (Write on what it produces, Read on what it consumes and on its consumer group,
 * Describe allowed alongside, nothing else, no prefix or wildcard grants); the listener and the client settings
 * agree on the authentication. Topics also agree with the AsyncAPI contract, and their replication with the brokers
 * the node pools provide.
 */
public final class KafkaCheck implements Check {

    private static final String JAAS_ENV = "KAFKA_SASL_JAAS_CONFIG";

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> topics = topicsByName(overlay);
        Set<String> usedTopics = new TreeSet<>();
        Set<String> usersOfServices = new TreeSet<>();

        for (ServiceConfig service : overlay.services()) {
            if (!service.usesKafka()) {
                continue;
            }
            String who = service.applicationName();
            service.kafkaChannels().forEach(c -> c.unsupported().ifPresent(u ->
                    problems.add(who + " channel " + c.channel() + " " + u)));
            Optional<JsonNode> deployment = overlay.deploymentOf(service);
            if (deployment.isEmpty()) {
                continue; // reported by the environment check
            }
            JsonNode container = K8s.containers(deployment.get()).get(0);
            Map<String, ContainerEnv.Source> env = ContainerEnv.of(overlay, container);
            Optional<String> userName = Optional.ofNullable(env.get(JAAS_ENV)).flatMap(ContainerEnv.Source::secretName);
            if (userName.isEmpty()) {
                problems.add(who + " uses Kafka but its Deployment does not read " + JAAS_ENV
                        + " from a KafkaUser's Secret");
                continue;
            }
            usersOfServices.add(userName.get());
            Optional<JsonNode> user = overlay.manifest().find("KafkaUser", userName.get()).map(JsonNode.class::cast);
            if (user.isEmpty()) {
                problems.add(who + " reads Kafka credentials from Secret " + userName.get()
                        + " but there is no KafkaUser of that name");
                continue;
            }
            String cluster = K8s.labels(user.get()).getOrDefault("strimzi.io/cluster", "");
            checkConnection(problems, overlay, who, user.get(), cluster, ContainerEnv.literals(env));

            Set<String> produced = service.producedTopics();
            Set<String> consumed = service.consumedTopics();
            for (String topic : union(produced, consumed)) {
                usedTopics.add(topic);
                JsonNode kafkaTopic = topics.get(topic);
                if (kafkaTopic == null) {
                    problems.add(who + " uses topic " + topic + " but no KafkaTopic declares it");
                } else if (!cluster.equals(K8s.labels(kafkaTopic).get("strimzi.io/cluster"))) {
                    problems.add("KafkaTopic " + topic + " belongs to cluster "
                            + K8s.labels(kafkaTopic).get("strimzi.io/cluster") + ", but " + who + " connects to " + cluster);
                }
            }
            checkAcls(problems, who, user.get(), produced, consumed, service.consumerGroups(), service.relayTransactionalId());
        }

        for (JsonNode user : overlay.manifest().ofKind("KafkaUser")) {
            if (!usersOfServices.contains(K8s.name(user))) {
                problems.add(K8s.id(user) + " is used by no service Deployment (stale credentials and ACLs)");
            }
        }
        checkAgainstContract(problems, topics.keySet(), usedTopics);
        checkReplication(problems, overlay, topics);
        return problems;
    }

    static Map<String, JsonNode> topicsByName(Overlay overlay) {
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        for (JsonNode topic : overlay.manifest().ofKind("KafkaTopic")) {
            topics.put(topic.path("spec").path("topicName").asText(K8s.name(topic)), topic);
        }
        return topics;
    }

    private static void checkConnection(List<String> problems, Overlay overlay, String who, JsonNode user,
                                        String cluster, Map<String, String> env) {
        Optional<JsonNode> kafka = overlay.manifest().find("Kafka", cluster).map(JsonNode.class::cast);
        if (kafka.isEmpty()) {
            problems.add(K8s.id(user) + " names cluster '" + cluster + "' (strimzi.io/cluster) but no such Kafka exists");
            return;
        }
        String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
        String expectedHost = cluster + "-kafka-bootstrap";
        String[] hostPort = bootstrap.split(",")[0].split(":");
        if (hostPort.length != 2 || !hostPort[0].equals(expectedHost)) {
            problems.add(who + ": KAFKA_BOOTSTRAP_SERVERS=" + bootstrap + " is not the bootstrap Service of cluster "
                    + cluster + " (" + expectedHost + ":<listener port>)");
            return;
        }
        JsonNode listener = null;
        for (JsonNode l : kafka.get().path("spec").path("kafka").path("listeners")) {
            if (l.path("port").asText().equals(hostPort[1])) {
                listener = l;
            }
        }
        if (listener == null) {
            problems.add(who + ": KAFKA_BOOTSTRAP_SERVERS port " + hostPort[1] + " is no listener of Kafka " + cluster);
            return;
        }
        String userAuth = user.path("spec").path("authentication").path("type").asText();
        String listenerAuth = listener.path("authentication").path("type").asText("none");
        if (!userAuth.equals(listenerAuth)) {
            problems.add(who + ": listener " + listener.path("name").asText() + " authenticates with " + listenerAuth
                    + " but KafkaUser " + K8s.name(user) + " has " + userAuth);
        }
        boolean tls = listener.path("tls").asBoolean(false);
        String expectedProtocol = userAuth.startsWith("scram") ? (tls ? "SASL_SSL" : "SASL_PLAINTEXT") : (tls ? "SSL" : "PLAINTEXT");
        if (!expectedProtocol.equals(env.get("KAFKA_SECURITY_PROTOCOL"))) {
            problems.add(who + ": KAFKA_SECURITY_PROTOCOL=" + env.get("KAFKA_SECURITY_PROTOCOL") + " but listener "
                    + listener.path("name").asText() + " needs " + expectedProtocol);
        }
        if (userAuth.equals("scram-sha-512") && !"SCRAM-SHA-512".equals(env.get("KAFKA_SASL_MECHANISM"))) {
            problems.add(who + ": KAFKA_SASL_MECHANISM=" + env.get("KAFKA_SASL_MECHANISM") + " but the user is scram-sha-512");
        }
    }

    private static void checkAcls(List<String> problems, String who, JsonNode user, Set<String> produced,
                                  Set<String> consumed, Set<String> groups, Optional<String> transactionalId) {
        Map<String, Set<String>> required = new LinkedHashMap<>();
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        // The outbox relay sends each batch in a Kafka transaction: without these the broker refuses initTransactions.
        transactionalId.ifPresent(id -> {
            required.computeIfAbsent("transactionalId:" + id, k -> new TreeSet<>()).addAll(Set.of("Write", "Describe"));
            allowed.computeIfAbsent("transactionalId:" + id, k -> new TreeSet<>()).addAll(Set.of("Write", "Describe"));
        });
        for (String topic : produced) {
            required.computeIfAbsent("topic:" + topic, k -> new TreeSet<>()).add("Write");
            allowed.computeIfAbsent("topic:" + topic, k -> new TreeSet<>()).addAll(Set.of("Write", "Describe"));
        }
        for (String topic : consumed) {
            required.computeIfAbsent("topic:" + topic, k -> new TreeSet<>()).add("Read");
            allowed.computeIfAbsent("topic:" + topic, k -> new TreeSet<>()).addAll(Set.of("Read", "Describe"));
        }
        for (String group : groups) {
            required.computeIfAbsent("group:" + group, k -> new TreeSet<>()).add("Read");
            allowed.computeIfAbsent("group:" + group, k -> new TreeSet<>()).addAll(Set.of("Read", "Describe"));
        }
        JsonNode authorization = user.path("spec").path("authorization");
        if (!"simple".equals(authorization.path("type").asText())) {
            problems.add(K8s.id(user) + ": authorization must be 'simple' with ACLs, found " + authorization);
            return;
        }
        Map<String, Set<String>> granted = new LinkedHashMap<>();
        for (JsonNode acl : authorization.path("acls")) {
            if ("deny".equals(acl.path("type").asText())) {
                continue;
            }
            JsonNode resource = acl.path("resource");
            String key = resource.path("type").asText() + ":" + resource.path("name").asText();
            String pattern = resource.path("patternType").asText("literal");
            if (!pattern.equals("literal") || resource.path("name").asText().equals("*")) {
                problems.add(K8s.id(user) + ": ACL on " + key + " (" + pattern
                        + ") is broader than the exact topics and groups " + who + " uses");
                continue;
            }
            Set<String> ops = granted.computeIfAbsent(key, k -> new TreeSet<>());
            acl.path("operations").forEach(op -> ops.add(op.asText()));
            if (acl.has("operation")) {
                ops.add(acl.path("operation").asText());
            }
        }
        required.forEach((resource, ops) -> {
            Set<String> have = granted.getOrDefault(resource, Set.of());
            for (String op : ops) {
                if (!have.contains(op)) {
                    problems.add(K8s.id(user) + " lacks " + op + " on " + resource + ", which " + who + " needs");
                }
            }
        });
        granted.forEach((resource, ops) -> {
            Set<String> permitted = allowed.get(resource);
            if (permitted == null) {
                problems.add(K8s.id(user) + " grants " + ops + " on " + resource + ", which " + who + " does not use");
                return;
            }
            for (String op : ops) {
                if (!permitted.contains(op)) {
                    problems.add(K8s.id(user) + " grants " + op + " on " + resource + ", more than " + who + " needs");
                }
            }
        });
    }

    private static void checkAgainstContract(List<String> problems, Set<String> declared, Set<String> used) {
        Set<String> contract = new TreeSet<>();
        Yaml.read(Platform.asyncApiFile()).path("channels")
                .forEach(channel -> contract.add(channel.path("address").asText()));
        for (String address : contract) {
            if (!declared.contains(address)) {
                problems.add("AsyncAPI channel " + address + " has no KafkaTopic");
            }
        }
        for (String topic : declared) {
            if (!used.contains(topic) && !contract.contains(topic)) {
                problems.add("KafkaTopic " + topic + " is neither used by a service nor an AsyncAPI channel");
            }
        }
    }

    private static void checkReplication(List<String> problems, Overlay overlay, Map<String, JsonNode> topics) {
        Map<String, Integer> brokers = new LinkedHashMap<>();
        for (JsonNode pool : overlay.manifest().ofKind("KafkaNodePool")) {
            boolean broker = false;
            for (JsonNode role : pool.path("spec").path("roles")) {
                broker |= role.asText().equals("broker");
            }
            if (broker) {
                brokers.merge(K8s.labels(pool).getOrDefault("strimzi.io/cluster", ""),
                        pool.path("spec").path("replicas").asInt(), Integer::sum);
            }
        }
        for (JsonNode kafka : overlay.manifest().ofKind("Kafka")) {
            if (brokers.getOrDefault(K8s.name(kafka), 0) == 0) {
                problems.add(K8s.id(kafka) + " has no KafkaNodePool with the broker role");
            }
        }
        topics.forEach((name, topic) -> {
            int available = brokers.getOrDefault(K8s.labels(topic).getOrDefault("strimzi.io/cluster", ""), 0);
            int replicas = topic.path("spec").path("replicas").asInt(0);
            int minIsr = topic.path("spec").path("config").path("min.insync.replicas").asInt(1);
            if (replicas < 1 || replicas > available) {
                problems.add("KafkaTopic " + name + ": replicas " + replicas + " but the cluster has " + available + " brokers");
            }
            if (minIsr > replicas) {
                problems.add("KafkaTopic " + name + ": min.insync.replicas " + minIsr + " > replicas " + replicas
                        + " (every acks=all write would fail)");
            }
            if (replicas >= 3 && minIsr < 2) {
                problems.add("KafkaTopic " + name + ": " + replicas + " replicas with min.insync.replicas " + minIsr
                        + " acknowledges writes held by a single broker");
            }
        });
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
