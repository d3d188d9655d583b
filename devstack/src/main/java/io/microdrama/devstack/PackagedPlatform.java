package io.microdrama.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as end-to-end tests use it: devstack (Kafka, PostgreSQL, Keycloak on free ports) plus the four packaged
 * services as separate JVMs, the gateway wired to the other three, and optionally the packaged ops console. The one
 * home of this start for every {@code *E2E} that needs the whole platform on free ports, and for the fault drills
 * ({@code drills/}), which also start a service again ({@link #startService}) after killing it, or a second one.
 */
public final class PackagedPlatform implements AutoCloseable {

    /** The console's port: the realm's console client allows redirects to http://localhost:3000/* only. */
    public static final int CONSOLE_PORT = 3000;

    private static final Map<String, String> DATABASES = Map.of("catalog-service", "catalog",
            "localization-service", "localization", "billing-service", "billing");

    private final Path root;
    private final DevStack stack;
    private final List<ServiceProcess> services;
    private final Map<String, ServiceProcess> byModule;
    private final Map<String, Map<String, String>> envByModule;
    private final KeycloakTokens tokens;

    private PackagedPlatform(Path root, DevStack stack, List<ServiceProcess> services,
            Map<String, Map<String, String>> envByModule) {
        this.root = root;
        this.stack = stack;
        this.services = new ArrayList<>(services);
        this.byModule = new HashMap<>();
        services.forEach(service -> byModule.put(service.name(), service));
        this.envByModule = envByModule;
        this.tokens = new KeycloakTokens(stack.oidcServerUrl().orElseThrow());
    }

    /** What to start: extra gateway settings and whether the console runs too (with its own settings). */
    public static final class Spec {
        private final String name;
        private final Map<String, String> gatewayEnv = new HashMap<>();
        private boolean console;
        private final Map<String, String> consoleEnv = new HashMap<>();
        private final Map<String, String> backendEnv = new HashMap<>();
        private Path root = Path.of(System.getProperty("platform.root", ".."));

        private Spec(String name) {
            this.name = name;
        }

        public Spec gatewayEnv(Map<String, String> env) {
            gatewayEnv.putAll(env);
            return this;
        }

        /** Extra settings for catalog, localization and billing (not the gateway). */
        public Spec backendEnv(Map<String, String> env) {
            backendEnv.putAll(env);
            return this;
        }

        /** The repository whose packaged services run (default: system property platform.root, else ..). */
        public Spec root(Path repository) {
            root = repository;
            return this;
        }

        /** Starts ops-console on {@link #CONSOLE_PORT}, calling this gateway, with a fixed session secret. */
        public Spec withConsole(Map<String, String> env) {
            console = true;
            consoleEnv.putAll(env);
            return this;
        }

        /** Starts everything and waits until every service is ready. */
        public PackagedPlatform start() throws Exception {
            Path root = this.root.toAbsolutePath().normalize();
            Map<String, Map<String, String>> envByModule = new HashMap<>();
            DevStack stack = DevStack.builder().temporaryWorkDir("e2e-" + name + "-").kafka(0)
                    .postgres(0, List.of("catalog", "localization", "billing")).keycloak(0).start();
            List<ServiceProcess> started = new ArrayList<>();
            try {
                List.of("catalog-service", "localization-service", "billing-service")
                        .forEach(module -> envByModule.put(module, Map.copyOf(backendEnv)));
                ServiceProcess catalog = start(started, root, stack, "catalog-service", "catalog", 0, backendEnv);
                ServiceProcess localization = start(started, root, stack, "localization-service", "localization", 0, backendEnv);
                ServiceProcess billing = start(started, root, stack, "billing-service", "billing", 0, backendEnv);
                Map<String, String> gateway = new HashMap<>(Map.of("CATALOG_URL", catalog.url(),
                        "LOCALIZATION_URL", localization.url(), "BILLING_URL", billing.url()));
                if (console) {
                    gateway.put("CONSOLE_ORIGIN", consoleUrl());
                }
                gateway.putAll(gatewayEnv);
                envByModule.put("gateway", Map.copyOf(gateway));
                ServiceProcess gatewayProcess = start(started, root, stack, "gateway", null, 0, gateway);
                if (console) {
                    String keycloakOrigin = URI.create(stack.oidcServerUrl().orElseThrow()).resolve("/").toString()
                            .replaceAll("/$", "");
                    Map<String, String> env = new HashMap<>(Map.of("GATEWAY_URL", gatewayProcess.url(),
                            "CONSOLE_SESSION_SECRET", "e2e-console-session-secret-000000001",
                            "CONSOLE_FORM_ACTION_EXTRA", keycloakOrigin));
                    env.putAll(consoleEnv);
                    start(started, root, stack, "ops-console", null, CONSOLE_PORT, env);
                }
                for (ServiceProcess service : started) {
                    service.awaitReady(Duration.ofMinutes(3));
                }
                return new PackagedPlatform(root, stack, started, envByModule);
            } catch (Exception | Error e) {
                new PackagedPlatform(root, stack, started, envByModule).close();
                throw e;
            }
        }

        private static ServiceProcess start(List<ServiceProcess> started, Path root, DevStack stack, String module,
                String database, int port, Map<String, String> env) {
            ServiceProcess process = ServiceProcess.start(root, module, port, stack, database, env);
            started.add(process);
            return process;
        }
    }

    /** {@code name} names the temporary data directory. */
    public static Spec named(String name) {
        return new Spec(name);
    }

    /** The console as a browser reaches it (the host the realm's redirect URIs name). */
    public static String consoleUrl() {
        return "http://localhost:" + CONSOLE_PORT;
    }

    public DevStack stack() {
        return stack;
    }

    public KeycloakTokens tokens() {
        return tokens;
    }

    public ServiceProcess gateway() {
        return service("gateway");
    }

    /** A started service by module name, e.g. {@code billing-service}. */
    public ServiceProcess service(String module) {
        ServiceProcess service = byModule.get(module);
        if (service == null) {
            throw new IllegalArgumentException(module + " was not started");
        }
        return service;
    }

    /**
     * Starts one more process of {@code module} (catalog, localization or billing) wired as the first one was (same
     * database, Kafka, realm and settings), on {@code port} (0: a free one), and waits until it is ready. It becomes
     * what {@link #service} returns for the module and is stopped by {@link #close()}. A second process of a module
     * is a second replica; started on the port of one that was killed, it is that service restarted.
     */
    public synchronized ServiceProcess startService(String module, int port, Duration readyWithin) {
        String database = DATABASES.get(module);
        if (database == null) {
            throw new IllegalArgumentException("startService starts catalog, localization or billing, not " + module);
        }
        ServiceProcess process = ServiceProcess.start(root, module, port, stack, database, envByModule.get(module));
        services.add(process);
        byModule.put(module, process);
        process.awaitReady(readyWithin);
        return process;
    }

    /** Services in reverse start order, then the infrastructure. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        stack.close();
    }
}
