package io.microdrama.bench.eventpath;

import io.microdrama.bench.HttpLoad;
import io.microdrama.contracts.regions.RegionGroups;
import io.microdrama.devstack.DevStack;
import io.microdrama.devstack.PackagedPlatform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole event path (issue 17), publish through the gateway → catalog's outbox → localization and billing → their
 * answers → catalog's decision → the storefront, on the packaged platform (devstack's Kafka, PostgreSQL and Keycloak,
 * the four services as separate JVMs, real studio tokens). Phases, after a warm-up:
 * <ol>
 * <li><b>worldwide</b>: {@code --worldwide} dramas one after another, each licensed in every region that has a
 * storefront; from just before the publish request to every region decided (catalog holds both localization's and
 * billing's answer for the published version), read from catalog's database every 2 ms.</li>
 * <li><b>steady</b>: {@code --rate} publishes per second for {@code --seconds} (open loop, licensed in GB and US, English,
 * so LIVE needs no subtitles); from just before the publish request to the drama answered 200 by the GB storefront
 * through the gateway, polled every {@code --poll-ms}.</li>
 * <li><b>back catalogue</b>: one studio pushes {@code --bulk} dramas × 10 countries as fast as {@code --bulk-clients}
 * requests in flight allow, while another studio publishes one drama every {@code --small-every-ms} (as in the steady
 * phase, measured the same way) until the whole back catalogue is decided; prints the push time, the time until every
 * bulk region is decided, answers applied per second, and the small studio's latency.</li>
 * </ol>
 * Options: --root [.], --worldwide [20], --rate [50], --seconds [60], --poll-ms [10], --bulk [5000], --bulk-clients
 * [8], --small-every-ms [1000], --phases [worldwide,steady,backlog], --steady-passes [1] (the steady phase again, on
 * services that have run it), --backlog-passes [1] (the back catalogue again, each pass a new import of --bulk
 * dramas), --services-java-options (JAVA_TOOL_OPTIONS of catalog, localization and billing), --idle-seconds [0] (after
 * the warm-up, the CPU each process spends while nothing is sent: what the phases' CPU figures hold besides their
 * load), --steady-studios [1] (the steady phase's publications in turn from the first 1-3 of aurora, lotus and sakura:
 * the gateway gives each studio its own push slots). Variables of its environment reach the services:
 * CATALOG_BULK_LANE_THRESHOLD=1000000 keeps the steady phase's studio on the interactive lane, as fifty studios
 * publishing once a second each would be; by default one studio publishing 20 or 50 a second crosses catalog's
 * bulk-lane threshold (30 within 10 s) in its first two seconds, and the steady phase measures the bulk lane, which
 * the phase prints. Prints every service's RSS after each phase and the CPU time each process of the platform spent in
 * it ({@link CpuMeter}).
 */
public final class EventPathBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern REGION = Pattern.compile("\"region\"\\s*:\\s*\"([A-Z]{2})\"");
    private static final List<String> SMALL_REGIONS = List.of("GB", "US");
    /** The studios of the demo realm, each with its own client credentials. */
    private static final List<String> STUDIOS = List.of("aurora", "lotus", "sakura");
    private static final List<String> BULK_REGIONS = List.of("GB", "US", "CA", "AU", "IE", "NZ", "DE", "FR", "ES", "IT");
    private static final String DECIDED = "select count(*) filter (where localization_version >= drama_version "
            + "and pricing_version >= drama_version), count(*) from regional_rollout where drama_id = ?::uuid";
    private static final String[] SERVICES = {"catalog-service", "localization-service", "billing-service", "gateway"};

    private final PackagedPlatform platform;
    private final String gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger numbers = new AtomicInteger();
    private final long pollMillis;
    /** The dramas the last steady phase published, for {@link PathBreakdown}. */
    private final List<String> published = java.util.Collections.synchronizedList(new ArrayList<>());
    /** How long each watched publish request took to be answered (the HTTP part of publish -> storefront). */
    private final List<Long> publishAnswered = java.util.Collections.synchronizedList(new ArrayList<>());

    private final StorefrontWatch storefront;

    private EventPathBenchmark(PackagedPlatform platform, long pollMillis) throws Exception {
        this.platform = platform;
        this.gateway = platform.gateway().url();
        this.pollMillis = pollMillis;
        this.storefront = new StorefrontWatch(platform.stack().database("catalog").orElseThrow(), gateway, http, pollMillis);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int worldwide = Integer.parseInt(options.getOrDefault("worldwide", "20"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int bulk = Integer.parseInt(options.getOrDefault("bulk", "5000"));
        int bulkClients = Integer.parseInt(options.getOrDefault("bulk-clients", "8"));
        long smallEvery = Long.parseLong(options.getOrDefault("small-every-ms", "1000"));
        List<String> phases = List.of(options.getOrDefault("phases", "worldwide,steady,backlog").split(","));
        List<String> steadyStudios = STUDIOS.subList(0, Integer.parseInt(options.getOrDefault("steady-studios", "1")));

        System.out.printf("Event path benchmark, load average %s; starting the packaged platform from %s%n",
                HttpLoad.loadAverage(), root);
        try (PackagedPlatform platform = PackagedPlatform.named("bench-eventpath").root(root)
                // Far above one studio's push rate and one address's storefront rate: the limits would measure themselves.
                .gatewayEnv(Map.of("STUDIO_PUSH_RATE_PER_SECOND", "100000", "STUDIO_PUSH_RATE_BURST", "100000",
                        "STOREFRONT_RATE_PER_SECOND", "100000", "STOREFRONT_RATE_BURST", "100000"))
                // e.g. -XX:StartFlightRecording=filename=<dir>/ for one recording per service
                .backendEnv(options.containsKey("services-java-options")
                        ? Map.of("JAVA_TOOL_OPTIONS", options.get("services-java-options")) : Map.of())
                .start()) {
            EventPathBenchmark bench = new EventPathBenchmark(platform, Long.parseLong(options.getOrDefault("poll-ms", "10")));
            bench.registerStudios();
            bench.printRss("after start");
            List<io.microdrama.devstack.ChildProcess> processes = new ArrayList<>(platform.stack().processes());
            for (String service : SERVICES) {
                processes.add(platform.service(service).process());
            }
            CpuMeter cpu = new CpuMeter(processes);
            System.out.printf("warm-up: %s%n", bench.steady(20, 5, steadyStudios));
            int idleSeconds = Integer.parseInt(options.getOrDefault("idle-seconds", "0"));
            if (idleSeconds > 0) {
                // The warm-up's last events settle first, so the window holds only what runs with nothing to do:
                // polls, schedulers, consumer fetches, Keycloak, the broker's and PostgreSQL's own housekeeping.
                TimeUnit.SECONDS.sleep(10);
                cpu.start();
                TimeUnit.SECONDS.sleep(idleSeconds);
                System.out.printf("%nIdle: nothing sent for %d s%n  CPU: %s%n", idleSeconds, cpu.sinceStart());
            }
            if (phases.contains("worldwide")) {
                List<String> regions = bench.storefrontRegions();
                cpu.start();
                System.out.printf("%nWorldwide: %d dramas one after another, each licensed in all %d storefront regions%n",
                        worldwide, regions.size());
                System.out.printf("  publish -> every region decided: %s%n", bench.worldwide(worldwide, regions));
                System.out.printf("  CPU: %s%n", cpu.sinceStart());
                bench.printRss("after worldwide");
            }
            // As the back catalogue's passes: later passes are the same load on services whose JIT has compiled the path.
            int steadyPasses = phases.contains("steady") ? Integer.parseInt(options.getOrDefault("steady-passes", "1")) : 0;
            for (int pass = 1; pass <= steadyPasses; pass++) {
                cpu.start();
                System.out.printf("%nSteady%s: %d publishes/s for %d s (GB+US) from %s, publish -> on the GB storefront through"
                        + " the gateway (LIVE in GB polled in catalog's database every %d ms, then the storefront asked)%n",
                        steadyPasses > 1 ? " (pass " + pass + " of " + steadyPasses + ")" : "", rate, seconds, steadyStudios,
                        bench.pollMillis);
                bench.storefront.drainLiveInDatabase();
                bench.publishAnswered.clear();
                System.out.printf("  %s (load average %s)%n", bench.steady(rate, seconds, steadyStudios), HttpLoad.loadAverage());
                System.out.printf("  of which publish -> LIVE in catalog's database: %s%n",
                        Latencies.of(bench.storefront.drainLiveInDatabase()));
                System.out.printf("  of which the publish request (sent -> answered 200): %s%n",
                        Latencies.of(List.copyOf(bench.publishAnswered)));
                PathBreakdown.print(platform.stack(), bench.published);
                System.out.printf("  CPU: %s%n", cpu.sinceStart());
                bench.printRss("after steady");
            }
            // Passes after the first measure the same import on services whose JIT has compiled the path (a service that
            // has run for a while), the first one services a few minutes after their start.
            int passes = phases.contains("backlog") ? Integer.parseInt(options.getOrDefault("backlog-passes", "1")) : 0;
            for (int pass = 1; pass <= passes; pass++) {
                cpu.start();
                System.out.printf("%nBack catalogue%s: %d dramas x %d countries by one studio, one small publication every"
                        + " %d ms by another%n", passes > 1 ? " (pass " + pass + " of " + passes + ")" : "", bulk,
                        BULK_REGIONS.size(), smallEvery);
                bench.backCatalogue(bulk, bulkClients, smallEvery, "bulk" + pass);
                System.out.printf("  CPU: %s%n", cpu.sinceStart());
                bench.printRss("after back catalogue");
            }
        }
    }

    private List<String> storefrontRegions() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway
                        + "/api/v1/billing/reference/storefronts")).header("Authorization", "Bearer " + adminToken())
                .build(), HttpResponse.BodyHandlers.ofString());
        check(answer, "storefronts");
        TreeSet<String> regions = new TreeSet<>();
        Matcher matcher = REGION.matcher(answer.body());
        while (matcher.find()) {
            if (RegionGroups.isCountry(matcher.group(1))) { // storefronts of a group (EU) sell in its countries
                regions.add(matcher.group(1));
            }
        }
        return List.copyOf(regions);
    }

    private Latencies worldwide(int count, List<String> regions) throws Exception {
        DevStack.Database database = platform.stack().database("catalog").orElseThrow();
        Latencies latencies = new Latencies();
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement decided = db.prepareStatement(DECIDED)) {
            for (int i = 0; i < count; i++) {
                Draft drama = draft("lotus", "world", regions);
                long start = System.nanoTime();
                publish("lotus", drama);
                while (true) {
                    decided.setString(1, drama.dramaId());
                    try (ResultSet rows = decided.executeQuery()) {
                        rows.next();
                        if (rows.getLong(2) == regions.size() && rows.getLong(1) == regions.size()) {
                            latencies.add(System.nanoTime() - start);
                            break;
                        }
                    }
                    if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
                        latencies.miss();
                        break;
                    }
                    TimeUnit.MILLISECONDS.sleep(2);
                }
            }
        }
        return latencies;
    }

    /** Open loop: a drama is due at its time whatever happened to the earlier ones. */
    private Latencies steady(int rate, int seconds, List<String> studios) throws Exception {
        Latencies latencies = new Latencies();
        published.clear();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(8, rate));
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String studio = studios.get(i % studios.size());
            workers.execute(() -> latencies.record(() -> publishToStorefront(studio)));
        }
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.MINUTES);
        return latencies;
    }

    private void backCatalogue(int bulk, int clients, long smallEveryMillis, String kind) throws Exception {
        DevStack.Database database = platform.stack().database("catalog").orElseThrow();
        storefront.drainLiveInDatabase();
        publishAnswered.clear();
        published.clear(); // from here on only the small studio's dramas (the bulk ones are not watched)
        String prefix = kind + "-" + run + "-";
        AtomicInteger pushed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService bulkWorkers = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int i = 0; i < bulk; i++) {
            bulkWorkers.execute(() -> {
                try {
                    publish("aurora", draft("aurora", kind, BULK_REGIONS));
                    pushed.incrementAndGet();
                } catch (Exception e) {
                    refused.incrementAndGet();
                }
            });
        }
        bulkWorkers.shutdown();
        Latencies small = new Latencies();
        ExecutorService smallWorkers = Executors.newCachedThreadPool();
        long expected = (long) bulk * BULK_REGIONS.size();
        long pushedAt = 0;
        long decidedAt = 0;
        long nextSmall = System.nanoTime();
        long nextCount = System.nanoTime();
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement decided = db.prepareStatement("select count(*) from regional_rollout r join drama d on "
                        + "d.id = r.drama_id where d.external_id like ? and r.localization_version >= r.drama_version "
                        + "and r.pricing_version >= r.drama_version")) {
            decided.setString(1, prefix + "%");
            while (decidedAt == 0 && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(30)) {
                long now = System.nanoTime();
                if (now >= nextSmall) {
                    smallWorkers.execute(() -> small.record(() -> publishToStorefront("lotus")));
                    nextSmall += TimeUnit.MILLISECONDS.toNanos(smallEveryMillis);
                }
                if (pushedAt == 0 && bulkWorkers.isTerminated()) {
                    pushedAt = now;
                    System.out.printf("  pushed %d dramas (%d refused) in %.1f s through the gateway%n", pushed.get(),
                            refused.get(), (now - start) / 1e9);
                }
                if (now >= nextCount) {
                    nextCount += TimeUnit.SECONDS.toNanos(1);
                    try (ResultSet rows = decided.executeQuery()) {
                        rows.next();
                        long count = rows.getLong(1);
                        if (pushedAt != 0 && count >= (long) pushed.get() * BULK_REGIONS.size()) {
                            decidedAt = now;
                        }
                    }
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
        smallWorkers.shutdown();
        smallWorkers.awaitTermination(2, TimeUnit.MINUTES);
        double total = ((decidedAt == 0 ? System.nanoTime() : decidedAt) - start) / 1e9;
        System.out.printf("  every bulk region decided: %s after the first push (%d regions expected)%n",
                decidedAt == 0 ? "NOT within 30 min" : String.format("%.1f s", total), expected);
        System.out.printf("  end to end: %.0f regions decided/s, %.0f events/s (one drama.published to each of two"
                + " services per drama, one answer per region from each back to catalog)%n",
                pushed.get() * BULK_REGIONS.size() / total,
                (pushed.get() * 2.0 + pushed.get() * BULK_REGIONS.size() * 2.0) / total);
        System.out.printf("  small studio, publish -> on the GB storefront during it: %s%n", small);
        System.out.printf("  of which publish -> LIVE in catalog's database: %s%n", Latencies.of(storefront.drainLiveInDatabase()));
        System.out.printf("  of which the publish request (sent -> answered 200): %s%n", Latencies.of(List.copyOf(publishAnswered)));
        PathBreakdown.print(platform.stack(), List.copyOf(published));
    }

    /**
     * Drafts and publishes one drama licensed in GB and US; returns nanoseconds from just before the publish request to
     * the drama answered 200 by the GB storefront through the gateway (-1: not within two minutes).
     */
    private long publishToStorefront(String studio) throws Exception {
        Draft drama = draft(studio, "steady", SMALL_REGIONS);
        long start = System.nanoTime();
        java.util.concurrent.CompletableFuture<Long> visible = storefront.watch(drama.dramaId(), start);
        publish(studio, drama);
        publishAnswered.add(System.nanoTime() - start);
        published.add(drama.dramaId());
        try {
            return visible.get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            return -1;
        }
    }

    private record Draft(String externalId, String dramaId) {
    }

    private Draft draft(String studio, String kind, List<String> regions) throws Exception {
        int number = numbers.incrementAndGet();
        String licences = String.join(",", regions.stream()
                .map(region -> "{\"region\":\"" + region + "\",\"validFrom\":\"2025-01-01T00:00:00Z\"}").toList());
        String drama = ("{\"title\":\"Bench %d\",\"originalLanguage\":\"en\",\"genres\":[\"romance\"],\"pricingTier\":\"standard\","
                + "\"episodes\":[{\"number\":1,\"title\":\"Episode 1\",\"durationSeconds\":90,"
                + "\"videoUri\":\"https://cdn.example.com/bench/%d.mp4\",\"videoChecksum\":\"sha256:%064x\"}],"
                + "\"licences\":[%s]}").formatted(number, number, number, licences);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/studio/dramas/"
                        + kind + "-" + run + "-" + number)).header("Authorization", "Bearer " + studioToken(studio))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(drama)).build(),
                HttpResponse.BodyHandlers.ofString());
        check(answer, "draft");
        Matcher id = ID.matcher(answer.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + answer.body());
        }
        return new Draft(kind + "-" + run + "-" + number, id.group(1));
    }

    private void publish(String studio, Draft drama) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/studio/dramas/"
                        + drama.externalId() + "/publish")).header("Authorization", "Bearer " + studioToken(studio))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        check(answer, "publish");
    }

    private static void check(HttpResponse<String> answer, String what) {
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    private void registerStudios() throws Exception {
        for (String studio : STUDIOS) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/admin/studios/" + studio))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + studio + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            check(answer, "registering studio " + studio);
        }
    }

    private String adminToken() {
        return cachedToken("admin", () -> platform.tokens().password("admin", "demo"));
    }

    private String studioToken(String studio) {
        return cachedToken(studio, () -> platform.tokens().clientCredentials("studio-" + studio, studio + "-dev-secret"));
    }

    /** Tokens live five minutes in the realm; fetched again after one. */
    private String cachedToken(String who, java.util.function.Supplier<String> fetch) {
        long now = System.currentTimeMillis();
        String[] cached = tokens.get(who);
        if (cached == null || now - Long.parseLong(cached[1]) > 60_000) {
            cached = new String[] {fetch.get(), Long.toString(now)};
            tokens.put(who, cached);
        }
        return cached[0];
    }

    private void printRss(String when) {
        StringBuilder line = new StringBuilder("RSS " + when + ":");
        for (String service : SERVICES) {
            line.append(' ').append(service).append(' ')
                    .append(HttpLoad.rssMiB(platform.service(service).process().pid())).append(" MiB");
        }
        System.out.println(line);
    }

    /** Nanosecond samples; a miss is a drama that never got there within the phase's deadline. */
    private static final class Latencies {
        private final List<Long> nanos = new ArrayList<>();
        private int misses;
        private int errors;
        private String firstError;

        interface Measured {
            long nanos() throws Exception;
        }

        void record(Measured measured) {
            try {
                long value = measured.nanos();
                if (value < 0) {
                    miss();
                } else {
                    add(value);
                }
            } catch (Exception e) {
                synchronized (this) {
                    errors++;
                    firstError = firstError == null ? e.toString() : firstError;
                }
            }
        }

        static Latencies of(List<Long> nanos) {
            Latencies latencies = new Latencies();
            nanos.forEach(latencies::add);
            return latencies;
        }

        synchronized void add(long value) {
            nanos.add(value);
        }

        synchronized void miss() {
            misses++;
        }

        @Override
        public synchronized String toString() {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return String.format("n %d, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, misses %d, errors %d%s",
                    sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, misses, errors,
                    firstError == null ? "" : " (first: " + firstError + ")");
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
        }
    }
}
