package io.microdrama.bench.repricing;

import io.microdrama.bench.HttpLoad;
import io.microdrama.devstack.KeycloakTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-pricing {@code --prices} (default 100 000) active (drama, region) prices after one FX change, with storefront
 * reads going on. Runs against {@code ./platform up} after {@link io.microdrama.bench.storefront.StorefrontBenchmark}
 * seeded its {@code bench} dramas in catalog: billing gets a price for the bench dramas' rollouts in the regions of
 * {@code --regions} (default DE,FR: one currency, EUR), stored with a placeholder amount so that every one of them
 * changes; then an admin stores today's rate of {@code --currency} through the gateway, and the benchmark times
 * billing's sweep (the {@code /api/v1/billing/repricing} status) and the relay of its events (billing's outbox
 * empty). A storefront read load runs through the gateway before (baseline) and during the sweep.
 * <p>
 * An FX version is one per currency and day: a second run the same day needs another {@code --currency} (and its
 * {@code --regions}) or a fresh platform. Options: --gateway, --keycloak, --catalog-jdbc, --billing-jdbc, --prices,
 * --regions, --currency, --rate, --read-region, --concurrency, --seconds, --pid (billing's pid, for RSS).
 */
public final class RepricingBenchmark {

    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\"\\s*:\\s*(true|false|-?\\d+|\"[^\"]*\")");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String gateway = options.getOrDefault("gateway", "http://127.0.0.1:8080");
        int prices = Integer.parseInt(options.getOrDefault("prices", "100000"));
        List<String> regions = List.of(options.getOrDefault("regions", "DE,FR").split(","));
        String currency = options.getOrDefault("currency", "EUR");
        String rate = options.getOrDefault("rate", "0.95");
        String readRegion = options.getOrDefault("read-region", "GB");
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        Duration during = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));

        int seeded;
        try (Connection catalog = DriverManager.getConnection(options.getOrDefault("catalog-jdbc",
                "jdbc:postgresql://127.0.0.1:5432/catalog"), "catalog", "catalog");
                Connection billing = DriverManager.getConnection(options.getOrDefault("billing-jdbc",
                        "jdbc:postgresql://127.0.0.1:5432/billing"), "billing", "billing")) {
            seeded = seed(catalog, billing, regions, prices);
        }
        String admin = new KeycloakTokens(options.getOrDefault("keycloak", "http://127.0.0.1:8180/realms/microdrama"))
                .password("admin", "demo");
        HttpLoad load = new HttpLoad();
        String reads = gateway + "/api/v1/storefront/" + readRegion + "/dramas?size=20&page=";
        System.out.printf("%nStorefront reads through the gateway, %d clients, before the change:%n", concurrency);
        print(load.run("reads, baseline", concurrency, Duration.ofSeconds(5), Duration.ofSeconds(20),
                random -> URI.create(reads + random.nextInt(10))), options);

        CompletableFuture<HttpLoad.Result> readsDuring = CompletableFuture.supplyAsync(() -> {
            try {
                return load.run("reads, during re-pricing", concurrency, Duration.ZERO, during,
                        random -> URI.create(reads + random.nextInt(10)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, String> before = status(gateway, admin);
        long start = System.nanoTime();
        HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway + "/api/v1/billing/reference/fx-rates/" + LocalDate.now(ZoneOffset.UTC)))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rates\":{\"" + currency + "\":" + rate
                        + "},\"source\":\"repricing benchmark\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (stored.statusCode() != 201) {
            throw new IllegalStateException("Storing the FX rate failed (" + stored.statusCode() + "): " + stored.body()
                    + "\nOne FX version per currency and day: use another --currency/--regions or a fresh platform.");
        }
        Map<String, String> done;
        do {
            Thread.sleep(200);
            done = status(gateway, admin);
        } while (!"true".equals(done.get("completed")) || done.get("referenceRevision").equals(before.get("referenceRevision")));
        double sweepSeconds = (System.nanoTime() - start) / 1e9;
        long relayed;
        try (Connection billing = DriverManager.getConnection(options.getOrDefault("billing-jdbc",
                "jdbc:postgresql://127.0.0.1:5432/billing"), "billing", "billing"); Statement sql = billing.createStatement()) {
            do {
                Thread.sleep(200);
                ResultSet pending = sql.executeQuery("select count(*) from outbox_event where sent_at is null");
                pending.next();
                relayed = pending.getLong(1);
            } while (relayed > 0);
        }
        double relaySeconds = (System.nanoTime() - start) / 1e9;
        long repriced = Long.parseLong(done.get("repriced"));
        System.out.printf("%nSeeded prices in %s: %d; re-priced: %d of %s checked%n", regions, seeded, repriced, done.get("checked"));
        System.out.printf("Sweep done after %.1f s: %.0f prices/s%n", sweepSeconds, repriced / sweepSeconds);
        System.out.printf("Every event relayed to Kafka after %.1f s: %.0f events/s end to end%n", relaySeconds,
                repriced / relaySeconds);
        print(readsDuring.get(), options);
    }

    /** Billing prices for the bench dramas' rollouts in {@code regions}, each with a placeholder amount of 0. */
    private static int seed(Connection catalog, Connection billing, List<String> regions, int prices) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement select = catalog.prepareStatement("select r.drama_id::text, r.region from regional_rollout r "
                + "join drama d on d.id = r.drama_id where d.studio_id = 'bench' and r.region = any(?) "
                + "order by r.drama_id, r.region limit ?")) {
            select.setArray(1, catalog.createArrayOf("text", regions.toArray()));
            select.setInt(2, prices);
            ResultSet result = select.executeQuery();
            while (result.next()) {
                rows.add(new String[] { result.getString(1), result.getString(2) });
            }
        }
        if (rows.size() < prices) {
            System.out.printf("Only %d bench rollouts in %s: run StorefrontBenchmark first for more%n", rows.size(), regions);
        }
        long start = System.nanoTime();
        billing.setAutoCommit(false);
        try (Statement sql = billing.createStatement();
                PreparedStatement drama = billing.prepareStatement("insert into priced_drama (drama_id, studio_id, drama_version, "
                        + "pricing_tier, episode_count, withdrawn, updated_at) values (?::uuid, 'bench', 1, 'standard', 60, false, now()) "
                        + "on conflict do nothing");
                PreparedStatement price = billing.prepareStatement("insert into drama_price (drama_id, region, drama_version, "
                        + "studio_id, pricing_tier, currency, amount_minor, minor_units, tax_inclusive, coins_per_episode, "
                        + "free_episodes, series_coins, active, updated_at, source) values (?::uuid, ?, 1, 'bench', 'standard', "
                        + "'EUR', 0, 2, true, 60, 5, 0, true, now(), 'TIER') on conflict (drama_id, region) do update set "
                        + "amount_minor = 0, active = true")) {
            for (String[] row : rows) {
                drama.setString(1, row[0]);
                drama.addBatch();
                price.setString(1, row[0]);
                price.setString(2, row[1]);
                price.addBatch();
            }
            drama.executeBatch();
            price.executeBatch();
            billing.commit();
            sql.execute("analyze priced_drama");
            sql.execute("analyze drama_price");
        }
        billing.setAutoCommit(true);
        System.out.printf("Seed: %d billing prices in %.1f s%n", rows.size(), (System.nanoTime() - start) / 1e9);
        return rows.size();
    }

    private static Map<String, String> status(String gateway, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(gateway + "/api/v1/billing/repricing")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = NUMBER.matcher(response.body());
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2).replace("\"", ""));
        }
        return fields;
    }

    private static void print(HttpLoad.Result result, Map<String, String> options) {
        System.out.println(result);
        if (options.containsKey("pid")) {
            System.out.printf("%-28s billing RSS %d MiB%n", "", HttpLoad.rssMiB(Long.parseLong(options.get("pid"))));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
