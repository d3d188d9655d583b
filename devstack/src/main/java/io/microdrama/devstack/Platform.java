package io.microdrama.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./platform up}: Kafka, PostgreSQL and Keycloak start in parallel; each service starts as soon as what it
 * needs answers (its database and Kafka), so every service, the gateway and the console too, starts while Keycloak
 * is still coming up: quarkus-oidc fetches the realm's keys on the first request that needs them, not at start. Data
 * is kept in {@code .devstack/} between starts ({@code --fresh} wipes it); {@code --except NAME} leaves a service out
 * so a developer can run it in dev mode. Ctrl-C stops services first, then infrastructure.
 */
public final class Platform {

    /** {@code backend}: part of the API the demo is seeded through (the console is not; it only calls the gateway). */
    record Service(String module, int port, String database, boolean backend) {
        String shortName() {
            return module.replace("-service", "");
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("catalog-service", 8081, "catalog", true),
            new Service("localization-service", 8082, "localization", true),
            new Service("billing-service", 8083, "billing", true),
            new Service("gateway", 8080, null, true),
            new Service("ops-console", 3000, null, false));

    /** The console as a browser opens it: the realm's console client redirects to localhost:3000 and 127.0.0.1:3000. */
    static final String CONSOLE_URL = "http://localhost:3000";

    /**
     * Local-only settings: a console on 127.0.0.1 is as local as one on localhost. The gateway's per-studio push
     * limit stays the production one: with bulk subtitle uploads a demo studio sends ~30 requests, well within its burst.
     */
    static final Map<String, Map<String, String>> LOCAL_SETTINGS = Map.of("gateway", Map.of(
            "CONSOLE_ORIGIN", "http://localhost:3000,http://127.0.0.1:3000"),
            // A fixed local session secret so a console restart keeps people signed in (deploy/ takes it from a Secret).
            "ops-console", Map.of("CONSOLE_SESSION_SECRET", "local-devstack-console-session-secret-0001"));

    /** What {@code ./platform status} and {@code ./platform logs} read: one line per running part. */
    static final String COMPONENTS_FILE = "components.tsv";

    private Platform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(List.of(args), root);
        } catch (IllegalArgumentException e) {
            System.err.println("./platform up: " + e.getMessage());
            System.exit(64);
            return;
        }
        List<Service> services = SERVICES.stream().filter(s -> !options.except().contains(s.module())).toList();
        try {
            // Every port first: a taken port is a clear message before anything starts, not a half-started platform.
            Map<Integer, String> ports = new LinkedHashMap<>(Map.of(9092, "Kafka", 5432, "PostgreSQL", 8180, "Keycloak"));
            services.forEach(s -> ports.put(s.port(), s.module()));
            for (var port : ports.entrySet()) {
                Ports.requireFree(port.getKey(), port.getValue());
            }
        } catch (Ports.PortInUseException e) {
            System.err.println(e.getMessage() + "\nIs the platform already running? Stop it with ./platform down"
                    + " (./platform status shows what runs).");
            System.exit(2);
        }
        Path data = options.data();
        if (options.fresh()) {
            deleteRecursively(data);
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve("platform.pid"), Long.toString(ProcessHandle.current().pid()));
        Files.deleteIfExists(data.resolve(COMPONENTS_FILE));

        Progress progress = new Progress();
        List<ServiceProcess> running = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch stopped = new CountDownLatch(1);
        DevStack.Starting infra = DevStack.builder().workDir(data).kafka(9092)
                .postgres(5432, List.of("catalog", "localization", "billing")).keycloak(8180).classDataSharing(true).startInParallel(progress);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform...");
            List<ServiceProcess> services0 = new ArrayList<>(running);
            Collections.reverse(services0);
            // Services in parallel (each waits for its own graceful shutdown), then the infrastructure they used.
            services0.stream().map(s -> CompletableFuture.runAsync(s::close)).toList().forEach(CompletableFuture::join);
            infra.close();
            System.out.println("Stopped; data kept in " + data + " (use --fresh to start clean).");
            stopped.countDown();
        }, "platform-stop"));

        Map<String, CompletableFuture<ServiceProcess>> started = new LinkedHashMap<>();
        for (Service service : services) {
            started.put(service.module(), startWhenReady(root, service, infra, data, progress, running));
        }
        List<CompletableFuture<?>> everything = new ArrayList<>(started.values());
        everything.addAll(List.of(infra.kafkaBootstrapServers(), infra.oidcServerUrl()));
        List.of("catalog", "localization", "billing").forEach(db -> everything.add(infra.database(db)));
        try {
            awaitAllOrFirstFailure(everything);
        } catch (CompletionException e) {
            System.err.println("\nStart failed: " + e.getCause().getMessage().lines().findFirst().orElse("")
                    + "\n(the failing part and its log are named above; ./platform logs NAME shows a log)");
            System.exit(1);
        }
        DevStack stack = infra.await();
        writeComponents(data, stack, started);
        progress.line("platform", String.format("all services healthy in %.1f s", progress.elapsed()));
        seedDemo(root, data, stack, options, progress, services.containsAll(SERVICES.stream().filter(Service::backend).toList()));
        printReady(stack, services, started, options, progress);
        stopped.await();
    }

    /**
     * Starts the service once its database exists and Kafka answers. None waits for Keycloak (on a warm start the
     * last part to be ready): a service is told where Keycloak will be and asks it for the realm's keys when the first
     * token arrives; "Platform ready" and the demo seeding still wait for Keycloak.
     */
    private static CompletableFuture<ServiceProcess> startWhenReady(Path root, Service service, DevStack.Starting infra,
            Path data, Progress progress, List<ServiceProcess> running) {
        CompletableFuture<Optional<String>> kafka = infra.kafkaBootstrapServers();
        CompletableFuture<Optional<DevStack.Database>> database = service.database() == null
                ? CompletableFuture.completedFuture(Optional.empty()) : infra.database(service.database());
        Path log = data.resolve("logs").resolve(service.module() + ".log");
        return allOrFirstFailure(List.of(kafka, database)).thenApplyAsync(ignored -> {
            String needs = (service.database() == null ? "" : "database " + service.database() + ", ") + "Kafka";
            progress.starting(service.module(), "on :" + service.port() + " (" + needs + " ready)", log);
            long begin = System.nanoTime();
            try {
                ServiceProcess process = ServiceProcess.start(root, service.module(), service.port(),
                        new ServiceProcess.Wiring(kafka.join(), infra.plannedOidcServerUrl(), database.join()), data.resolve("logs"),
                        LOCAL_SETTINGS.getOrDefault(service.module(), Map.of()),
                        true);
                running.add(process);
                process.awaitReady(Duration.ofMinutes(8));
                progress.ready(service.module(), (System.nanoTime() - begin) / 1e9, "JVM start to ready; "
                        + process.quarkusStartedIn().map(s -> "Quarkus started in " + s + " s, ").orElse("")
                        + process.process().residentMegabytes().stream().mapToObj(mb -> "RSS " + mb + " MB").findFirst().orElse(""));
                return process;
            } catch (RuntimeException e) {
                progress.failed(service.module(), log, e);
                throw new IllegalStateException(service.module() + " did not start; log: " + log, e);
            }
        }, task -> {
            Thread thread = new Thread(task, "start-" + service.module());
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Waits for all, but returns (exceptionally) as soon as one fails. */
    static void awaitAllOrFirstFailure(List<CompletableFuture<?>> futures) {
        allOrFirstFailure(futures).join();
    }

    /** Completes when all complete, or exceptionally as soon as one fails (allOf would wait for the others first). */
    static CompletableFuture<Void> allOrFirstFailure(List<CompletableFuture<?>> futures) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        futures.forEach(f -> f.whenComplete((ok, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure instanceof CompletionException c ? c.getCause() : failure);
            }
        }));
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenRun(() -> result.complete(null));
        return result;
    }

    /** The demo is pushed on the first start (and after --fresh); later starts keep the data and only show the table. */
    private static void seedDemo(Path root, Path data, DevStack stack, Options options, Progress progress, boolean allServices)
            throws Exception {
        if (options.demo().equals("none")) {
            return;
        }
        DemoSeeder seeder = new DemoSeeder(root, data, "http://127.0.0.1:8080", stack.oidcServerUrl().orElseThrow(),
                options.demo().equals("small"));
        Path marker = data.resolve("demo-seeded");
        boolean seededNow = false;
        if (!Files.exists(marker)) {
            if (!allServices) {
                progress.line("demo", "not seeded: a service runs outside the platform (--except); "
                        + "run ./platform up once without --except to seed it");
                return;
            }
            progress.line("demo", "seeding through the gateway with studio-push, the studios in parallel ("
                    + (options.demo().equals("small") ? "3 dramas" : "3 studios, 20 dramas") + ")");
            long begin = System.nanoTime();
            if (seeder.seed(progress)) {
                Files.writeString(marker, java.time.Instant.now().toString());
            } else {
                progress.line("demo", "some demo packages were refused (see above); the next start tries again");
            }
            progress.line("demo", String.format("seeded in %.1f s", (System.nanoTime() - begin) / 1e9));
            seededNow = true;
        }
        List<String> states = List.of("LIVE", "WAITING", "SCHEDULED", "EXPIRED");
        Map<String, Map<String, Integer>> table = seeder.rolloutTable(states);
        // Just after seeding, localization's and billing's answers still arrive: show the table once it stops changing.
        // On a restart with kept data nothing is in flight, so the first reading is the table.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seededNow && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            Map<String, Map<String, Integer>> again = seeder.rolloutTable(states);
            if (again.equals(table)) {
                break;
            }
            table = again;
        }
        System.out.printf("%n[%5.1fs] Demo rollout (dramas per region and state):%n", progress.elapsed());
        DemoSeeder.print(table);
    }

    private static void writeComponents(Path data, DevStack stack, Map<String, CompletableFuture<ServiceProcess>> services)
            throws IOException {
        List<String> lines = new ArrayList<>();
        for (ChildProcess part : stack.processes()) {
            String port = switch (part.name()) {
                case "kafka" -> "9092";
                case "postgres" -> "5432";
                case "keycloak" -> "8180";
                default -> "-";
            };
            lines.add(String.join("\t", part.name(), port, Long.toString(part.commandPid().orElse(part.pid())),
                    part.logFile().toString(), "-"));
        }
        for (CompletableFuture<ServiceProcess> future : services.values()) {
            ServiceProcess service = future.join();
            lines.add(String.join("\t", service.name(), Integer.toString(service.port()),
                    Long.toString(service.process().commandPid().orElse(service.process().pid())),
                    service.process().logFile().toString(), service.url() + "/q/health/ready"));
        }
        Files.write(data.resolve(COMPONENTS_FILE), lines);
    }

    private static void printReady(DevStack stack, List<Service> services, Map<String, CompletableFuture<ServiceProcess>> started,
            Options options, Progress progress) {
        System.out.printf("%n[%5.1fs] Platform ready.%n", progress.elapsed());
        System.out.println("  service               URL                      JVM start to ready   RSS now");
        for (Service service : services) {
            ServiceProcess process = started.get(service.module()).join();
            System.out.printf("  %-21s %-24s %8s            %s%n", service.module(),
                    service.backend() ? process.url() : CONSOLE_URL,
                    String.format("%.1f s", process.startToReadySeconds()),
                    process.process().residentMegabytes().stream().mapToObj(mb -> mb + " MB").findFirst().orElse("?"));
        }
        options.except().forEach(module -> System.out.printf("  %-21s not started (--except): run it yourself, e.g."
                + " cd %s && ../mvnw quarkus:dev%n", module, module));
        System.out.println("  Swagger UI            http://127.0.0.1:8080/q/swagger-ui (gateway); each service: /q/swagger-ui");
        System.out.println("  Keycloak              " + stack.oidcServerUrl().orElse("-") + "  (admin console: admin/admin)");
        System.out.println("  Kafka                 " + stack.kafkaBootstrapServers().orElse("-"));
        System.out.println("  logs                  " + stack.workDir().resolve("logs") + "  (./platform logs NAME, ./platform status)");
        String tokenUrl = stack.oidcServerUrl().orElse("") + "/protocol/openid-connect/token";
        System.out.println("\nTokens (demo realm, nothing here is a production secret):");
        System.out.println("  studio  curl -s -d grant_type=client_credentials -d client_id=studio-aurora -d client_secret=aurora-dev-secret "
                + tokenUrl + "   (also lotus, sakura)");
        System.out.println("  users   curl -s -d grant_type=password -d client_id=microdrama-console -d username=ops-eu -d password=demo "
                + tokenUrl);
        System.out.println("          users: ops-na (US CA MX), ops-eu (EU GB), ops-apac, localizer-cjk, localizer-rtl, admin; password demo");
        if (services.stream().anyMatch(s -> !s.backend())) {
            System.out.println("  console " + CONSOLE_URL + "  (sign in as one of the users above)");
        }
        System.out.println("  push    STUDIO_CLIENT_ID=studio-aurora STUDIO_CLIENT_SECRET=aurora-dev-secret tools/studio-push --publish demo/packages/aurora/*");
        System.out.println("\nPress Ctrl-C (or run ./platform down) to stop; data is kept for the next start.");
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The command line of {@code ./platform up}. */
    record Options(Path data, boolean fresh, String demo, List<String> except) {
        static Options parse(List<String> args, Path root) {
            Path data = root.resolve(".devstack");
            boolean fresh = false;
            String demo = "full";
            List<String> except = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.startsWith("--data=")) {
                    data = Path.of(arg.substring(7)).toAbsolutePath();
                } else if (arg.equals("--fresh")) {
                    fresh = true;
                } else if (arg.equals("--no-demo")) {
                    demo = "none";
                } else if (arg.startsWith("--demo=")) {
                    demo = arg.substring(7);
                } else if (arg.equals("--except") && i + 1 < args.size()) {
                    except.addAll(services(args.get(++i)));
                } else if (arg.startsWith("--except=")) {
                    except.addAll(services(arg.substring(9)));
                } else {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (!List.of("full", "small", "none").contains(demo)) {
                throw new IllegalArgumentException("--demo=full|small");
            }
            return new Options(data, fresh, demo, List.copyOf(except));
        }

        /** Names as in {@code catalog-service,billing} (module names or their short form). */
        private static List<String> services(String names) {
            List<String> modules = new ArrayList<>();
            for (String name : names.split(",")) {
                modules.add(SERVICES.stream().filter(s -> s.module().equals(name) || s.shortName().equals(name))
                        .findFirst().map(Service::module).orElseThrow(() -> new IllegalArgumentException(
                                "--except: no service " + name + " (one of catalog-service, localization-service,"
                                        + " billing-service, gateway, ops-console)")));
            }
            return modules;
        }
    }
}
