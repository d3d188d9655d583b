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
            new Service("gateway", 8080, null));

    private Platform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".devstack");
        if (List.of(args).contains("--fresh")) {
            deleteRecursively(data);
        }
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
                        service.database(), Map.of());
                running.add(process);
                process.awaitReady(Duration.ofMinutes(3));
            }
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

    private static void step(String what, long start) {
        System.out.printf("[%5.1fs] starting %s%n", (System.nanoTime() - start) / 1e9, what);
    }

    private static void printReady(DevStack stack, long start) {
        System.out.printf("%n[%5.1fs] Platform ready.%n", (System.nanoTime() - start) / 1e9);
        System.out.println("  gateway            http://127.0.0.1:8080");
        System.out.println("  catalog-service    http://127.0.0.1:8081  (Swagger UI: /q/swagger-ui)");
        System.out.println("  localization       http://127.0.0.1:8082");
        System.out.println("  billing            http://127.0.0.1:8083");
        System.out.println("  Keycloak           " + stack.oidcServerUrl().orElse("-") + "  (admin console: admin/admin)");
        System.out.println("  Kafka              " + stack.kafkaBootstrapServers().orElse("-"));
        System.out.println("  logs               " + stack.workDir().resolve("logs"));
        System.out.println("\nA studio token:  curl -s -d grant_type=client_credentials -d client_id=studio-aurora "
                + "-d client_secret=aurora-dev-secret " + stack.oidcServerUrl().orElse("") + "/protocol/openid-connect/token");
        System.out.println("Press Ctrl-C to stop.");
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
