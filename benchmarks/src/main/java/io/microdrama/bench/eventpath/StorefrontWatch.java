package io.microdrama.bench.eventpath;

import io.microdrama.devstack.DevStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Tells when dramas appear on the GB storefront through the gateway, without the measurement becoming the load: one
 * thread asks catalog's database every {@code pollMillis} which of the watched dramas are LIVE in GB (one query for all
 * of them), and only then asks the storefront through the gateway, again every {@code pollMillis} until it answers 200.
 * Polling the storefront alone every few milliseconds per drama in flight would send catalog thousands of requests per
 * second on a two-core machine and slow down the very path it measures.
 */
final class StorefrontWatch {

    // drama_id compared as a uuid, so an index finds the watched rows: compared as text it was a scan of every rollout
    // row, up to 200 times a second, and that scan grew with every drama the run published.
    private static final String LIVE_IN_GB = "select drama_id::text from regional_rollout where region = 'GB' "
            + "and drama_id = any(?::uuid[]) and localization_ready and price_minor is not null and not on_hold and not withdrawn";

    private record Watched(long startNanos, CompletableFuture<Long> visible) {
    }

    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final Set<String> asking = ConcurrentHashMap.newKeySet();
    private final Queue<Long> liveInDatabase = new ConcurrentLinkedQueue<>();
    private final DevStack.Database database;
    private final String gateway;
    private final HttpClient http;
    private final long pollMillis;
    private volatile Thread poller;

    StorefrontWatch(DevStack.Database database, String gateway, HttpClient http, long pollMillis) {
        this.database = database;
        this.gateway = gateway;
        this.http = http;
        this.pollMillis = pollMillis;
    }

    /** Completes with nanoseconds from {@code startNanos} to the first 200 of the GB storefront for the drama. */
    CompletableFuture<Long> watch(String dramaId, long startNanos) {
        startPolling();
        CompletableFuture<Long> visible = new CompletableFuture<>();
        watched.put(dramaId, new Watched(startNanos, visible));
        return visible;
    }

    private synchronized void startPolling() {
        if (poller == null) {
            poller = new Thread(this::poll, "storefront-watch");
            poller.setDaemon(true);
            poller.start();
        }
    }

    private void poll() {
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement query = db.prepareStatement(LIVE_IN_GB)) {
            while (true) {
                if (!watched.isEmpty()) {
                    query.setArray(1, db.createArrayOf("text", watched.keySet().toArray()));
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            String dramaId = rows.getString(1);
                            Watched watch = watched.get(dramaId);
                            if (watch != null && live.add(dramaId)) {
                                liveInDatabase.add(System.nanoTime() - watch.startNanos());
                            }
                        }
                    }
                    for (String dramaId : Set.copyOf(live)) {
                        askStorefront(dramaId);
                    }
                }
                TimeUnit.MILLISECONDS.sleep(pollMillis);
            }
        } catch (Exception e) {
            watched.values().forEach(w -> w.visible().completeExceptionally(e));
        }
    }

    /** Asks without waiting (one request per drama in flight), so that a slow answer does not delay the others. */
    private void askStorefront(String dramaId) {
        Watched watch = watched.get(dramaId);
        if (watch == null || !asking.add(dramaId)) {
            return;
        }
        HttpRequest read = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/storefront/GB/dramas/" + dramaId)).build();
        http.sendAsync(read, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            if (failure == null && answer.statusCode() == 200) {
                watch.visible().complete(System.nanoTime() - watch.startNanos());
                watched.remove(dramaId);
                live.remove(dramaId);
            }
            asking.remove(dramaId);
        });
    }

    /** Nanoseconds from publish to LIVE in catalog's database (first seen by the poll) since the last call; cleared. */
    List<Long> drainLiveInDatabase() {
        List<Long> drained = new ArrayList<>();
        for (Long nanos; (nanos = liveInDatabase.poll()) != null; ) {
            drained.add(nanos);
        }
        return drained;
    }
}
