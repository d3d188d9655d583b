package io.microdrama.deploy.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's configuration (service-support's shared file, then its application.properties, the later winning
 * as in Quarkus) asks of its environment, read as the production profile sees it:
 * the environment variables its {@code ${NAME:default}} expressions read, its HTTP port, its shutdown timeout and
 * its Kafka channels (topics, consumer groups, dead-letter topics). Parsed at test time, so settings other engineers
 * add are checked without touching this module.
 */
public final class ServiceConfig {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CHANNEL_KEY =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Set<String> CREDENTIAL_SUFFIXES = Set.of("PASSWORD", "SECRET", "TOKEN", "CREDENTIALS");
    /**
     * Properties whose values are not addresses the service connects to, so a loopback value there is no mistake:
     * a browser origin allowed by CORS, and the proxies whose forwarding headers are trusted (loopback = nobody).
     */
    static final Set<String> NOT_DESTINATIONS = Set.of("quarkus.http.cors.origins", "quarkus.http.proxy.trusted-proxies");

    private final String module;
    private final Map<String, String> properties;

    private ServiceConfig(String module, Map<String, String> properties) {
        this.module = module;
        this.properties = properties;
    }

    /**
     * The shared configuration of the services (ordinal 100, below application.properties): read first, so a key of
     * the service's own file wins, as it does in Quarkus.
     */
    public static final String SHARED_CONFIG = "service-support/src/main/resources/META-INF/microprofile-config.properties";

    public static ServiceConfig load(Path moduleDir) {
        return load(moduleDir, "");
    }

    /** As {@link #load(Path)}, with extra lines appended to the service's application.properties. */
    public static ServiceConfig load(Path moduleDir, String extraLines) {
        StringBuilder text = new StringBuilder();
        try {
            for (Path source : sources(moduleDir)) {
                text.append(Files.readString(source)).append('\n');
            }
            return parse(moduleDir.getFileName().toString(), text.append(extraLines).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files a service's configuration comes from, lowest precedence first: service-support's shared file when the
     * module depends on service-support, then its own application.properties.
     */
    public static List<Path> sources(Path moduleDir) throws IOException {
        List<Path> sources = new ArrayList<>();
        Path pom = moduleDir.resolve("pom.xml");
        if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>service-support</artifactId>")) {
            sources.add(moduleDir.toAbsolutePath().getParent().resolve(SHARED_CONFIG));
        }
        sources.add(moduleDir.resolve("src/main/resources/application.properties"));
        return sources;
    }

    public static ServiceConfig parse(String module, String propertiesText) {
        try {
            return parse(module, new StringReader(propertiesText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServiceConfig parse(String module, Reader reader) throws IOException {
        Properties raw = new Properties();
        raw.load(reader);
        Map<String, String> effective = new TreeMap<>();
        Map<String, String> prodOverrides = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            String value = raw.getProperty(key);
            if (!key.startsWith("%")) {
                effective.put(key, value);
                continue;
            }
            int dot = key.indexOf('.');
            List<String> profiles = Arrays.asList(key.substring(1, dot).split(","));
            if (profiles.contains("prod")) {
                prodOverrides.put(key.substring(dot + 1), value);
            }
        }
        effective.putAll(prodOverrides);
        return new ServiceConfig(module, Collections.unmodifiableMap(effective));
    }

    public String module() {
        return module;
    }

    /** quarkus.application.name: the name of its Deployment, Service, KafkaUser and default consumer group. */
    public String applicationName() {
        return properties.getOrDefault("quarkus.application.name", module);
    }

    public Map<String, String> properties() {
        return properties;
    }

    // ---------------------------------------------------------------- environment variables

    /** One {@code ${NAME}} or {@code ${NAME:default}} expression naming an environment variable. */
    public record EnvUse(String name, Optional<String> defaultValue, String property) {

        public boolean hasDefault() {
            return defaultValue.isPresent();
        }

        /** A default naming this machine only makes sense outside a cluster (devstack, tests). */
        public boolean defaultPointsAtLoopback() {
            return defaultValue.map(d -> d.contains("127.0.0.1") || d.contains("localhost") || d.contains("[::1]"))
                    .orElse(false);
        }

        /** A default for a password or secret is a development value and must never reach production. */
        public boolean isCredential() {
            return CREDENTIAL_SUFFIXES.stream().anyMatch(s -> name.endsWith("_" + s) || name.equals(s));
        }

        /** Must a Deployment set it? Yes without a default, with a loopback address to connect to, or for a credential. */
        public boolean mustBeSet() {
            return !hasDefault() || (defaultPointsAtLoopback() && !NOT_DESTINATIONS.contains(property)) || isCredential();
        }

        public String reason() {
            if (!hasDefault()) {
                return "has no default";
            }
            if (isCredential()) {
                return "is a credential whose default is a development value";
            }
            return "defaults to a loopback address (" + defaultValue.get() + ")";
        }
    }

    public List<EnvUse> envUses() {
        List<EnvUse> uses = new ArrayList<>();
        properties.forEach((key, value) -> collectEnvUses(key, value, uses));
        return uses;
    }

    /**
     * A variable (or, for nested defaults like {@code ${A:${B:x}}}, any one of a chain of variables) the
     * environment must set, and why.
     */
    public record Requirement(List<String> anyOf, String property, String reason) {

        public String names() {
            return String.join(" or ", anyOf);
        }

        public boolean satisfiedBy(Set<String> variables) {
            return anyOf.stream().anyMatch(variables::contains);
        }
    }

    /** What a Deployment (or a compose service) must set for this service to run outside a laptop. */
    public List<Requirement> requiredEnv() {
        Map<String, Requirement> required = new TreeMap<>();
        properties.forEach((property, value) -> {
            for (Expression e : expressions(value)) {
                List<String> chain = new ArrayList<>();
                EnvUse innermost = null;
                Expression current = e;
                while (current != null && ENV_NAME.matcher(current.name).matches()) {
                    chain.add(current.name);
                    innermost = new EnvUse(current.name, Optional.ofNullable(current.defaultValue), property);
                    List<Expression> nested = current.defaultValue == null ? List.of() : expressions(current.defaultValue);
                    boolean onlyNested = nested.size() == 1
                            && nested.get(0).start == 0 && nested.get(0).end == current.defaultValue.length() - 1;
                    current = onlyNested ? nested.get(0) : null;
                }
                if (innermost != null && innermost.mustBeSet()) {
                    required.putIfAbsent(String.join("|", chain), new Requirement(List.copyOf(chain), property,
                            innermost.reason()));
                }
            }
        });
        return new ArrayList<>(required.values());
    }

    private static void collectEnvUses(String property, String value, List<EnvUse> into) {
        for (Expression e : expressions(value)) {
            if (ENV_NAME.matcher(e.name).matches()) {
                into.add(new EnvUse(e.name, Optional.ofNullable(e.defaultValue), property));
            }
            if (e.defaultValue != null) {
                collectEnvUses(property, e.defaultValue, into);
            }
        }
    }

    private record Expression(String name, String defaultValue, int start, int end) {
    }

    /** Top-level {@code ${...}} expressions of a value; defaults may nest further expressions. */
    private static List<Expression> expressions(String value) {
        List<Expression> found = new ArrayList<>();
        int i = 0;
        while ((i = value.indexOf("${", i)) >= 0) {
            int depth = 0;
            int end = -1;
            for (int j = i; j < value.length(); j++) {
                if (value.startsWith("${", j)) {
                    depth++;
                    j++;
                } else if (value.charAt(j) == '}') {
                    depth--;
                    if (depth == 0) {
                        end = j;
                        break;
                    }
                }
            }
            if (end < 0) {
                throw new IllegalArgumentException("unbalanced ${ in: " + value);
            }
            String body = value.substring(i + 2, end);
            int colon = body.indexOf(':');
            found.add(colon < 0
                    ? new Expression(body, null, i, end)
                    : new Expression(body.substring(0, colon), body.substring(colon + 1), i, end));
            i = end + 1;
        }
        return found;
    }

    /** The value of a property as the service would see it with these environment variables. */
    public Optional<String> resolved(String property, Map<String, String> env) {
        String value = properties.get(property);
        return value == null ? Optional.empty() : Optional.of(resolve(value, env, 0));
    }

    private String resolve(String value, Map<String, String> env, int depth) {
        if (depth > 10) {
            throw new IllegalArgumentException("property expressions nest too deep: " + value);
        }
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (Expression e : expressions(value)) {
            out.append(value, last, e.start);
            String replacement;
            if (env.containsKey(e.name)) {
                replacement = env.get(e.name);
            } else if (properties.containsKey(e.name)) {
                replacement = resolve(properties.get(e.name), env, depth + 1);
            } else if (e.defaultValue != null) {
                replacement = resolve(e.defaultValue, env, depth + 1);
            } else {
                replacement = "";
            }
            out.append(replacement);
            last = e.end + 1;
        }
        out.append(value.substring(last));
        return out.toString();
    }

    /**
     * Is the variable's value an address this service connects to? False only when every property reading it is one
     * of {@link #NOT_DESTINATIONS}; variables no property reads (Kafka client settings, for example) count as
     * addresses, to be safe.
     */
    public boolean connectsTo(String variable) {
        List<EnvUse> uses = envUses().stream().filter(u -> u.name().equals(variable)).toList();
        return uses.isEmpty() || uses.stream().anyMatch(u -> !NOT_DESTINATIONS.contains(u.property()));
    }

    // ---------------------------------------------------------------- HTTP, health, shutdown

    /** The port Quarkus listens on for HTTP (quarkus.http.port, default 8080). */
    public int httpPort(Map<String, String> env) {
        return resolved("quarkus.http.port", env).map(Integer::parseInt).orElse(8080);
    }

    /** Health endpoints move to the management interface (default 9000) when it is enabled. */
    public int healthPort(Map<String, String> env) {
        boolean management = resolved("quarkus.management.enabled", env).map(Boolean::parseBoolean).orElse(false);
        if (!management) {
            return httpPort(env);
        }
        return resolved("quarkus.management.port", env).map(Integer::parseInt).orElse(9000);
    }

    /** Path prefix of the SmallRye Health endpoints (quarkus.smallrye-health.root-path under /q). */
    public String healthRoot() {
        String root = properties.getOrDefault("quarkus.smallrye-health.root-path", "health");
        return root.startsWith("/") ? root : "/q/" + root;
    }

    /** quarkus.shutdown.timeout in seconds; zero when unset (Quarkus then stops without waiting). */
    public long shutdownTimeoutSeconds(Map<String, String> env) {
        return resolved("quarkus.shutdown.timeout", env).map(ServiceConfig::seconds).orElse(0L);
    }

    static long seconds(String duration) {
        String d = duration.trim();
        if (d.matches("\\d+")) {
            return Long.parseLong(d);
        }
        if (d.matches("\\d+ms")) {
            return (Long.parseLong(d.substring(0, d.length() - 2)) + 999) / 1000;
        }
        if (d.matches("\\d+[smhd]")) {
            long n = Long.parseLong(d.substring(0, d.length() - 1));
            return switch (d.charAt(d.length() - 1)) {
                case 's' -> n;
                case 'm' -> n * 60;
                case 'h' -> n * 3600;
                default -> n * 86400;
            };
        }
        return Duration.parse(d.startsWith("P") ? d : "PT" + d).toSeconds();
    }

    // ---------------------------------------------------------------- Kafka

    public enum Direction { INCOMING, OUTGOING }

    /**
     * A Kafka channel: its topic (mp.messaging...topic, else the channel name), for incoming channels the consumer
     * group (group.id, else kafka.group.id, else the application name, as Quarkus does) and, with the
     * dead-letter-queue failure strategy, the dead-letter topic (its .topic, else dead-letter-topic-&lt;topic&gt;).
     */
    public record KafkaChannel(Direction direction, String channel, String topic, Optional<String> group,
                               Optional<String> deadLetterTopic, Optional<String> unsupported) {
    }

    public List<KafkaChannel> kafkaChannels() {
        Map<String, Map<String, String>> byChannel = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                byChannel.computeIfAbsent(m.group(1) + ":" + m.group(2), k -> new TreeMap<>()).put(m.group(3), value);
            }
        });
        List<KafkaChannel> channels = new ArrayList<>();
        byChannel.forEach((id, attrs) -> {
            String connector = attrs.getOrDefault("connector", "smallrye-kafka");
            if (!connector.equals("smallrye-kafka")) {
                return;
            }
            Direction direction = id.startsWith("incoming:") ? Direction.INCOMING : Direction.OUTGOING;
            String channel = id.substring(id.indexOf(':') + 1);
            String topic = attrs.getOrDefault("topic", channel);
            Optional<String> unsupported = Optional.empty();
            if (attrs.containsKey("topics") || Boolean.parseBoolean(attrs.getOrDefault("pattern", "false"))) {
                unsupported = Optional.of("uses topics/pattern; the deploy checks only know single literal topics");
            }
            Optional<String> group = Optional.empty();
            Optional<String> deadLetter = Optional.empty();
            if (direction == Direction.INCOMING) {
                group = Optional.of(attrs.getOrDefault("group.id",
                        properties.getOrDefault("kafka.group.id", applicationName())));
                String strategy = attrs.getOrDefault("failure-strategy", "fail");
                switch (strategy) {
                    case "dead-letter-queue" -> deadLetter = Optional.of(
                            attrs.getOrDefault("dead-letter-queue.topic", "dead-letter-topic-" + topic));
                    case "fail", "ignore" -> {
                    }
                    default -> unsupported = Optional.of("failure-strategy " + strategy
                            + " writes to topics the deploy checks do not know yet");
                }
            }
            channels.add(new KafkaChannel(direction, channel, topic, group, deadLetter, unsupported));
        });
        return channels;
    }

    public boolean usesKafka() {
        return !kafkaChannels().isEmpty();
    }

    /**
     * The Kafka {@code transactional.id} of the service's outbox relay, when it has one (it has an {@code eventing.topic}):
     * {@code eventing.relay.transactional-id}, else {@code <application name>-outbox-relay}, as service-support's
     * OutboxRelay defaults it.
     */
    public Optional<String> relayTransactionalId() {
        if (!properties.containsKey("eventing.topic")) {
            return Optional.empty();
        }
        return Optional.of(properties.getOrDefault("eventing.relay.transactional-id", applicationName() + "-outbox-relay"));
    }

    /**
     * Topics the service writes: its outbox relay's topic ({@code eventing.topic}, and {@code eventing.bulk-topic} when it
     * has a bulk lane: catalog's drama lane or an answer lane) and the audit topic its outbox also
     * carries ({@code eventing.audit-topic}, shared by every service), outgoing topics, dead-letter topics.
     */
    public Set<String> producedTopics() {
        Set<String> topics = new LinkedHashSet<>();
        if (properties.containsKey("eventing.topic")) {
            topics.add(properties.get("eventing.topic"));
            if (properties.containsKey("eventing.bulk-topic")) {
                topics.add(properties.get("eventing.bulk-topic"));
            }
            if (properties.containsKey("eventing.audit-topic")) {
                topics.add(properties.get("eventing.audit-topic"));
            }
        }
        for (KafkaChannel c : kafkaChannels()) {
            if (c.direction() == Direction.OUTGOING) {
                topics.add(c.topic());
            }
            c.deadLetterTopic().ifPresent(topics::add);
        }
        return topics;
    }

    public Set<String> consumedTopics() {
        Set<String> topics = new LinkedHashSet<>();
        kafkaChannels().stream().filter(c -> c.direction() == Direction.INCOMING).forEach(c -> topics.add(c.topic()));
        return topics;
    }

    public Set<String> consumerGroups() {
        Set<String> groups = new LinkedHashSet<>();
        kafkaChannels().forEach(c -> c.group().ifPresent(groups::add));
        return groups;
    }

    @Override
    public String toString() {
        return module;
    }
}
