package io.microdrama.drills;

import io.microdrama.devstack.KeycloakTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A publish storm through the gateway: studios create and publish dramas at a fixed rate (open loop: a drama is due at
 * its time whatever happened to the previous ones, up to {@code clients} requests in flight), each licensed in
 * {@link #REGIONS}. Every answer is counted by request and status; nothing is retried, so what a fault refused stays
 * refused and the drill expects only what catalog committed.
 */
final class Storm {

    /** Every drama is licensed here: English audio, so GB and US need no subtitles, DE waits for German ones. */
    static final java.util.List<String> REGIONS = java.util.List.of("GB", "DE", "US");
    static final String[][] STUDIOS = {{"studio-aurora", "aurora-dev-secret"}, {"studio-lotus", "lotus-dev-secret"},
            {"studio-sakura", "sakura-dev-secret"}};

    private final String gateway;
    private final KeycloakTokens tokens;
    private final String runId;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    /** External ids whose publish was answered 200: catalog said it committed them. */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String[]> tokenCache = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private volatile double lateSecondsMax;

    Storm(String gateway, KeycloakTokens tokens, String runId) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.runId = runId;
    }

    /** Runs {@code rate} dramas per second for {@code seconds}; returns when every drama has its answers. */
    void run(int rate, int seconds, int clients) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int number = i;
            workers.execute(() -> publish(number, due));
        }
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.MINUTES)) {
            workers.shutdownNow();
        }
    }

    private void publish(int number, long due) {
        lateSecondsMax = Math.max(lateSecondsMax, (System.nanoTime() - due) / 1e9);
        int studio = number % STUDIOS.length;
        String externalId = "drill-" + runId + "-" + number;
        String token = token(studio);
        String licences = String.join(",", REGIONS.stream()
                .map(region -> "{\"region\":\"" + region + "\",\"validFrom\":\"2025-01-01T00:00:00Z\"}").toList());
        String drama = ("{\"title\":\"Drill %d\",\"originalLanguage\":\"en\",\"genres\":[\"romance\"],\"pricingTier\":\"standard\","
                + "\"episodes\":[{\"number\":1,\"title\":\"Episode 1\",\"durationSeconds\":90,"
                + "\"videoUri\":\"https://cdn.example.com/drill/%d.mp4\",\"videoChecksum\":\"sha256:%064x\"}],"
                + "\"licences\":[%s]}").formatted(number, number, number, licences);
        sent.incrementAndGet();
        Integer draft = call("PUT", "/api/v1/studio/dramas/" + externalId, token, drama, "PUT draft");
        if (draft == null || draft / 100 != 2) {
            return;
        }
        Integer published = call("POST", "/api/v1/studio/dramas/" + externalId + "/publish", token, null, "POST publish");
        if (published != null && published == 200) {
            acknowledged.add(externalId);
        }
    }

    private Integer call(String method, String path, String token, String body, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            answers.computeIfAbsent(what + " " + status, k -> new AtomicLong()).incrementAndGet();
            return status;
        } catch (java.io.IOException e) {
            answers.computeIfAbsent(what + " no answer (" + e.getClass().getSimpleName() + ")", k -> new AtomicLong())
                    .incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A studio token, fetched again after a minute (the realm's tokens live five). */
    private String token(int studio) {
        String[] cached = tokenCache.get(studio);
        long now = System.currentTimeMillis();
        if (cached != null && now - Long.parseLong(cached[1]) < 60_000) {
            return cached[0];
        }
        String token = tokens.clientCredentials(STUDIOS[studio][0], STUDIOS[studio][1]);
        tokenCache.put(studio, new String[] {token, Long.toString(now)});
        return token;
    }

    /** Dramas attempted, and the answers by request and status (sorted). */
    long dramasAttempted() {
        return sent.get();
    }

    Map<String, Long> answers() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }

    /** How late the latest drama started against its schedule (the open loop fell behind by this much at worst). */
    double lateSecondsMax() {
        return lateSecondsMax;
    }
}
