package io.microdrama.drills;

import io.microdrama.contracts.Topics;
import io.microdrama.devstack.KafkaBroker;
import io.microdrama.devstack.PackagedPlatform;
import io.microdrama.devstack.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Our own fault drills (issue 16), run on demand: {@code --drill NAME}. Each starts devstack (Kafka, PostgreSQL,
 * Keycloak on free ports) and the four packaged services ({@link PackagedPlatform}), runs a publish storm through the
 * gateway ({@link Storm}), injects its fault during the storm, then polls the databases (bounded by
 * {@code --converge-timeout}) until every published drama has fanned out and back in, and prints what it did and the
 * counts ({@link Ledger}). Exit code 1 when an event was lost or applied twice, or nothing converged; 2 on bad usage.
 * <p>
 * Drills: {@code kafka-pause}, {@code service-kill}, {@code two-relays}, {@code postgres-restart},
 * {@code consumer-kill}. Options (defaults in brackets): --root [.], --rate [50] dramas/s, --seconds [40; kafka-pause:
 * fault-at + pause + 20; consumer-kill: 60], --fault-at [10] s into the storm, --pause-seconds [60], --service [catalog] (service-kill),
 * --down-seconds [5] (postgres-restart), --kills [3] and --service [billing] (consumer-kill), --clients [32] requests
 * in flight at most, --converge-timeout [600] s.
 */
public final class Drills {

    private static final long STARTED = System.nanoTime();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String drill = options.getOrDefault("drill", "");
        if (!List.of("kafka-pause", "service-kill", "two-relays", "postgres-restart", "consumer-kill").contains(drill)) {
            System.err.println("usage: --drill kafka-pause|service-kill|two-relays|postgres-restart|consumer-kill [options]"
                    + " (see drills/README.md)");
            System.exit(2);
        }
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int rate = integer(options, "rate", 50);
        int pauseSeconds = integer(options, "pause-seconds", 60);
        int faultAt = integer(options, "fault-at", 10);
        int seconds = integer(options, "seconds", switch (drill) {
            case "kafka-pause" -> faultAt + pauseSeconds + 20;
            case "consumer-kill" -> 60;
            default -> 40;
        });
        int clients = integer(options, "clients", 32);
        int convergeTimeout = integer(options, "converge-timeout", 600);

        say("drill %s: %d dramas/s for %d s through the gateway, each licensed in %s; machine load %s", drill, rate,
                seconds, Storm.REGIONS, loadAverage());
        say("starting devstack and the four packaged services from %s", root);
        boolean failed;
        try (PackagedPlatform platform = PackagedPlatform.named("drill-" + drill).root(root)
                // The storm is far above a real studio's push rate: the gateway's per-client limit would refuse most of it.
                .gatewayEnv(Map.of("STUDIO_PUSH_RATE_PER_SECOND", "100000", "STUDIO_PUSH_RATE_BURST", "100000"))
                .start()) {
            say("platform ready: gateway %s, catalog %s, localization %s, billing %s; data in %s", platform.gateway().url(),
                    platform.service("catalog-service").url(), platform.service("localization-service").url(),
                    platform.service("billing-service").url(), platform.stack().workDir());
            registerStudios(platform);
            if (drill.equals("two-relays")) {
                ServiceProcess second = platform.startService("catalog-service", 0, Duration.ofMinutes(3));
                say("second catalog-service process on %s, same database: two outbox relays, one consumer group", second.url());
            }
            Storm storm = new Storm(platform.gateway().url(), platform.tokens(), UUID.randomUUID().toString().substring(0, 8));
            CompletableFuture<Void> stormDone = CompletableFuture.runAsync(() -> {
                try {
                    storm.run(rate, seconds, clients);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            say("storm started");
            long faultEnded = switch (drill) {
                case "kafka-pause" -> kafkaPause(platform, faultAt, pauseSeconds);
                case "service-kill" -> serviceKill(platform, faultAt, options.getOrDefault("service", "catalog"), 1, 0);
                case "consumer-kill" -> serviceKill(platform, faultAt, options.getOrDefault("service", "billing"),
                        integer(options, "kills", 3), Math.max(1, (seconds - faultAt) / Math.max(1, integer(options, "kills", 3))));
                case "postgres-restart" -> postgresRestart(platform, faultAt, integer(options, "down-seconds", 5));
                default -> -1L; // two-relays: the fault is the second relay for the whole storm
            };
            stormDone.join();
            long stormEnded = System.nanoTime();
            say("storm finished: %d dramas attempted, schedule kept to within %.1f s", storm.dramasAttempted(),
                    storm.lateSecondsMax());
            if (faultEnded < 0) {
                faultEnded = System.nanoTime();
            }
            Ledger ledger = new Ledger(platform.stack());
            Ledger.Reading reading = ledger.read(storm.acknowledged, Storm.REGIONS.size());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(convergeTimeout);
            while (!reading.converged(Storm.REGIONS.size()) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                reading = ledger.read(storm.acknowledged, Storm.REGIONS.size());
            }
            double converge = (System.nanoTime() - faultEnded) / 1e9;
            boolean converged = reading.converged(Storm.REGIONS.size());
            say(converged ? "converged %.1f s after the fault ended (%.1f s after the storm ended)"
                    : "NOT converged %.1f s after the fault ended (%.1f s after the storm ended)", converge,
                    (System.nanoTime() - stormEnded) / 1e9);
            String kafka = platform.stack().kafkaBootstrapServers().orElseThrow();
            // Each edge of the ledger covers its topic's two lanes (catalog's drama lanes, and the answer lanes).
            Map<String, String> bulkLaneOf = Map.of(Topics.CATALOG_DRAMA, Topics.CATALOG_DRAMA_BULK,
                    Topics.BILLING_PRICING, Topics.BILLING_PRICING_BULK,
                    Topics.LOCALIZATION_READINESS, Topics.LOCALIZATION_READINESS_BULK);
            Map<String, TopicTally.Tally> tallies = new HashMap<>();
            bulkLaneOf.forEach((topic, bulk) ->
                    tallies.put(topic, TopicTally.of(kafka, topic).plus(TopicTally.of(kafka, bulk))));
            print(drill, storm, reading, tallies, converged, converge);
            failed = !converged || reading.lost() > 0 || reading.duplicatesApplied() > 0;
            say(failed ? "DRILL FAILED" : "drill passed: nothing lost, nothing applied twice");
            say("stopping the platform");
        }
        System.exit(failed ? 1 : 0);
    }

    /** SIGSTOPs the broker at {@code faultAt} for {@code pauseSeconds}, then SIGCONTs it; returns when it resumed. */
    private static long kafkaPause(PackagedPlatform platform, int faultAt, int pauseSeconds) throws InterruptedException {
        KafkaBroker broker = platform.stack().kafkaBroker().orElseThrow();
        TimeUnit.SECONDS.sleep(faultAt);
        broker.pause();
        say("FAULT: Kafka broker paused (SIGSTOP) for %d s", pauseSeconds);
        TimeUnit.SECONDS.sleep(pauseSeconds);
        broker.resume();
        say("Kafka broker resumed (SIGCONT)");
        return System.nanoTime();
    }

    /**
     * SIGKILLs {@code service}'s JVM {@code kills} times, {@code every} seconds apart from {@code faultAt} on, each time
     * starting it again at once on the same port and database; returns when the last restart is ready.
     */
    private static long serviceKill(PackagedPlatform platform, int faultAt, String service, int kills, int every)
            throws InterruptedException {
        String module = service.endsWith("-service") ? service : service + "-service";
        TimeUnit.SECONDS.sleep(faultAt);
        for (int kill = 1; kill <= kills; kill++) {
            ServiceProcess victim = platform.service(module);
            long pid = victim.process().commandPid().orElseThrow();
            ProcessHandle jvm = ProcessHandle.of(pid).orElseThrow();
            jvm.destroyForcibly();
            jvm.onExit().join();
            say("FAULT: %s (pid %d) SIGKILLed%s", module, pid, kills > 1 ? " (" + kill + " of " + kills + ")" : "");
            long begin = System.nanoTime();
            ServiceProcess restarted = platform.startService(module, victim.port(), Duration.ofMinutes(3));
            say("%s restarted on %s, ready in %.1f s", module, restarted.url(), (System.nanoTime() - begin) / 1e9);
            if (kill < kills) {
                TimeUnit.SECONDS.sleep(every);
            }
        }
        return System.nanoTime();
    }

    /** Stops PostgreSQL at {@code faultAt}, keeps it down {@code downSeconds}, starts it again on the same data and port. */
    private static long postgresRestart(PackagedPlatform platform, int faultAt, int downSeconds) throws InterruptedException {
        TimeUnit.SECONDS.sleep(faultAt);
        say("FAULT: stopping PostgreSQL");
        platform.stack().restartPostgres(() -> {
            say("PostgreSQL stopped; down for %d s", downSeconds);
            try {
                TimeUnit.SECONDS.sleep(downSeconds);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        say("PostgreSQL up again on the same port and data");
        return System.nanoTime();
    }

    private static void registerStudios(PackagedPlatform platform) throws Exception {
        String admin = platform.tokens().password("admin", "demo");
        HttpClient http = HttpClient.newHttpClient();
        for (String[] studio : Storm.STUDIOS) {
            String id = studio[0].substring("studio-".length());
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create(platform.service("catalog-service").url() + "/api/v1/admin/studios/" + id))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + id + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("registering studio " + id + ": " + answer.statusCode() + " " + answer.body());
            }
        }
    }

    private static void print(String drill, Storm storm, Ledger.Reading reading, Map<String, TopicTally.Tally> tallies,
            boolean converged, double converge) {
        System.out.printf("%n=== drill %s ===%n", drill);
        System.out.println("requests answered (through the gateway):");
        storm.answers().forEach((what, count) -> System.out.printf("  %-40s %7d%n", what, count));
        System.out.printf("dramas: attempted %d, publish answered 200: %d, published in catalog: %d, answered 200 but not"
                + " in catalog: %d%n", storm.dramasAttempted(), storm.acknowledged.size(), reading.dramasPublished(),
                reading.acknowledgedMissing());
        System.out.printf("rollouts: %d (expected %d), priced %d, localization answered %d; billing prices %d,"
                + " localization plans %d%n", reading.rollouts(), reading.dramasPublished() * Storm.REGIONS.size(),
                reading.rolloutsPriced(), reading.rolloutsLocalized(), reading.prices(), reading.plans());
        System.out.printf("%-32s %-26s %9s %7s %9s %6s %10s %s%n", "consumer", "topic", "published", "unsent",
                "arrived", "lost", "on Kafka", "duplicates applied");
        for (Ledger.Edge edge : reading.edges()) {
            TopicTally.Tally tally = tallies.get(edge.topic());
            System.out.printf("%-32s %-26s %9d %7d %9d %6d %10s %s%n", edge.consumer(), edge.topic(), edge.published(),
                    edge.unsent(), edge.arrived(), edge.lost(),
                    tally.records() + (tally.redelivered() > 0 ? " (+" + tally.redelivered() + " dup)" : ""),
                    edge.duplicatesApplied());
            if (edge.strayInbox() > 0) {
                System.out.printf("  (%d inbox rows of %s name no outbox row)%n", edge.strayInbox(), edge.consumer());
            }
        }
        System.out.printf("lost: %d (must be 0); duplicates applied: %d (must be 0); time to converge after the fault"
                + " ended: %s%n", reading.lost(), reading.duplicatesApplied(),
                converged ? String.format("%.1f s", converge) : "did not converge within the timeout");
    }

    static void say(String format, Object... args) {
        System.out.printf("[%6.1fs %s] %s%n", (System.nanoTime() - STARTED) / 1e9, Instant.now().toString().substring(11, 19),
                String.format(format, args));
        System.out.flush();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private Drills() {
    }
}
