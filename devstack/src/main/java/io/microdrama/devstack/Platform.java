package io.microdrama.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./platform up}: Kafka, PostgreSQL and Keycloak, then the four services, on the usual ports, with data kept
 * in {@code .devstack/} between starts ({@code --fresh} wipes it). Ctrl-C stops everything in reverse order.
 */
public final class Platform {

    record Service(String module, int port, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("catalog-service", 8081, "catalog"),
            new Service("localization-service", 8082, "localization"),
            new Service("billing-service", 8083, "billing"),
            new Service("gateway", 8080, null),
            new Service("ops-console", 3000, null));

    /**
     * Local-only settings: the gateway's per-studio push limit (20/s in production) would make seeding the demo's
     * 2 650 subtitle files take minutes, and a console on 127.0.0.1 is as local as one on localhost.
     */
    static final Map<String, Map<String, String>> LOCAL_SETTINGS = Map.of("gateway", Map.of(
            "STUDIO_PUSH_RATE_PER_SECOND", "500", "STUDIO_PUSH_RATE_BURST", "2000",
            "CONSOLE_ORIGIN", "http://localhost:3000,http://127.0.0.1:3000"),
            // A fixed local session key so a console restart keeps people signed in (deploy/ takes it from a Secret).
            "ops-console", Map.of("GATEWAY_URL", "http://127.0.0.1:8080",
                    "CONSOLE_SESSION_SECRET", "local-devstack-console-session-key-0001"));

    private Platform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        List<String> options = List.of(args);
        Path data = options.stream().filter(o -> o.startsWith("--data=")).findFirst()
                .map(o -> Path.of(o.substring(7)).toAbsolutePath()).orElse(root.resolve(".devstack"));
        try {
            // Every port first: a taken port is a clear message before anything starts, not a half-started platform.
            for (var port : Map.of(9092, "Kafka", 5432, "PostgreSQL", 8180, "Keycloak", 8080, "gateway",
                    8081, "catalog-service", 8082, "localization-service", 8083, "billing-service",
                    3000, "ops-console").entrySet()) {
                Ports.requireFree(port.getKey(), port.getValue());
            }
        } catch (Ports.PortInUseException e) {
            System.err.println(e.getMessage() + "\nIs the platform already running? Stop it with ./platform down.");
            System.exit(2);
        }
        if (options.contains("--fresh")) {
            deleteRecursively(data);
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve("platform.pid"), Long.toString(ProcessHandle.current().pid()));
        long start = System.nanoTime();
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform...");
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    System.err.println("  " + e.getMessage());
                }
            }
            System.out.println("Stopped; data kept in " + data + " (use --fresh to start clean).");
            stopped.countDown();
        }, "platform-stop"));
        try {
            step("Kafka, PostgreSQL and Keycloak", start);
            DevStack stack = DevStack.builder().workDir(data).kafka(9092)
                    .postgres(5432, List.of("catalog", "localization", "billing")).keycloak(8180).start();
            running.add(stack);
            for (Service service : SERVICES) {
                step(service.module() + " on :" + service.port(), start);
                ServiceProcess process = ServiceProcess.start(root, service.module(), service.port(), stack,
                        service.database(), LOCAL_SETTINGS.getOrDefault(service.module(), Map.of()));
                running.add(process);
                process.awaitReady(Duration.ofMinutes(3));
            }
            System.out.printf("%n[%5.1fs] All services healthy.%n", (System.nanoTime() - start) / 1e9);
            seedDemo(root, data, stack, options, start);
            printReady(stack, start);
        } catch (Ports.PortInUseException e) {
            System.err.println("\n" + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("\nStart failed: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /** The demo is pushed on the first start (and after --fresh); later starts keep the data and only show the table. */
    private static void seedDemo(Path root, Path data, DevStack stack, List<String> options, long start) throws Exception {
        String demo = options.contains("--no-demo") ? "none" : options.stream().filter(o -> o.startsWith("--demo="))
                .findFirst().map(o -> o.substring(7)).orElse("full");
        if (demo.equals("none")) {
            return;
        }
        DemoSeeder seeder = new DemoSeeder(root, data, "http://127.0.0.1:8080", stack.oidcServerUrl().orElseThrow(),
                demo.equals("small"));
        Path marker = data.resolve("demo-seeded");
        if (!Files.exists(marker)) {
            step("demo seeding through the gateway with studio-push (" + (demo.equals("small") ? "3 dramas" : "3 studios, 20 dramas") + ")", start);
            if (seeder.seed()) {
                Files.writeString(marker, java.time.Instant.now().toString());
            } else {
                System.out.println("  Some demo packages were refused (see above); the next start tries again.");
            }
        }
        List<String> states = List.of("LIVE", "WAITING", "SCHEDULED", "EXPIRED");
        // Answers of localization and billing arrive asynchronously: show the table once it stops changing.
        Map<String, Map<String, Integer>> table = seeder.rolloutTable(states);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(2000);
            Map<String, Map<String, Integer>> again = seeder.rolloutTable(states);
            if (again.equals(table)) {
                break;
            }
            table = again;
        }
        System.out.printf("%n[%5.1fs] Demo rollout (dramas per region and state):%n", (System.nanoTime() - start) / 1e9);
        DemoSeeder.print(table);
    }

    private static void step(String what, long start) {
        System.out.printf("[%5.1fs] starting %s%n", (System.nanoTime() - start) / 1e9, what);
    }

    private static void printReady(DevStack stack, long start) {
        System.out.printf("%n[%5.1fs] Platform ready.%n", (System.nanoTime() - start) / 1e9);
        System.out.println("  ops console        http://localhost:3000  (sign in as ops-eu, localizer-cjk or admin; password demo)");
        System.out.println("  gateway            http://127.0.0.1:8080");
        System.out.println("  catalog-service    http://127.0.0.1:8081  (Swagger UI: /q/swagger-ui)");
        System.out.println("  localization       http://127.0.0.1:8082");
        System.out.println("  billing            http://127.0.0.1:8083");
        System.out.println("  Keycloak           " + stack.oidcServerUrl().orElse("-") + "  (admin console: admin/admin)");
        System.out.println("  Kafka              " + stack.kafkaBootstrapServers().orElse("-"));
        System.out.println("  logs               " + stack.workDir().resolve("logs"));
        System.out.println("  Swagger UI         http://127.0.0.1:8080/q/swagger-ui  (the gateway's OpenAPI document)");
        String tokenUrl = stack.oidcServerUrl().orElse("") + "/protocol/openid-connect/token";
        System.out.println("\nTokens (demo realm, nothing here is a production secret):");
        System.out.println("  studio  curl -s -d grant_type=client_credentials -d client_id=studio-aurora -d client_secret=aurora-dev-secret "
                + tokenUrl + "   (also lotus, sakura)");
        System.out.println("  users   curl -s -d grant_type=password -d client_id=microdrama-console -d username=ops-eu -d password=demo "
                + tokenUrl);
        System.out.println("          users: ops-na (US CA MX), ops-eu (EU GB), ops-apac, localizer-cjk, localizer-rtl, admin; password demo");
        System.out.println("  push    STUDIO_CLIENT_ID=studio-aurora STUDIO_CLIENT_SECRET=aurora-dev-secret tools/studio-push --publish demo/packages/aurora/*");
        System.out.println("\nPress Ctrl-C (or run ./platform down) to stop; data is kept for the next start.");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
