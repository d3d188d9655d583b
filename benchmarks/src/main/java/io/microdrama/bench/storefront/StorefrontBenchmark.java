package io.microdrama.bench.storefront;

import io.microdrama.bench.HttpLoad;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Storefront read path with a large catalog: seeds {@code --dramas} dramas (default 100 000) straight into the
 * catalog database (SQL, server side: this measures reads, not ingest), each licensed in about half of ten
 * countries with most rows LIVE, then loads {@code GET /api/v1/storefront/{region}/dramas} of a running catalog.
 * <p>
 * Run against {@code ./platform up} (catalog on 8081, PostgreSQL on 5432); the seeded rows belong to studio
 * {@code bench} and stay until {@code ./platform up --fresh}. Options: --url, --jdbc, --user, --password, --dramas,
 * --region, --concurrency, --seconds, --pid (catalog's pid, for RSS), --gateway (also measure through the gateway).
 */
public final class StorefrontBenchmark {

    private static final String[] REGIONS = { "GB", "DE", "FR", "US", "BR", "JP", "KR", "SA", "IN", "MX" };

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://127.0.0.1:8081");
        String region = options.getOrDefault("region", "GB");
        int dramas = Integer.parseInt(options.getOrDefault("dramas", "100000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        try (Connection db = DriverManager.getConnection(options.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/catalog"),
                options.getOrDefault("user", "catalog"), options.getOrDefault("password", "catalog"))) {
            seed(db, dramas);
            report(db, region);
        }

        HttpLoad load = new HttpLoad();
        Duration warmup = Duration.ofSeconds(10);
        System.out.printf("%nLoad: %d concurrent clients (closed loop), %d s warm-up, %d s measured per scenario%n",
                concurrency, warmup.toSeconds(), duration.toSeconds());
        print(load.run("first page", concurrency, warmup, duration,
                random -> URI.create(url + "/api/v1/storefront/" + region + "/dramas?size=20")), options);
        print(load.run("mixed pages+filters", concurrency, warmup, duration, random -> mixed(url, region, random)), options);
        if (options.containsKey("gateway")) {
            String gateway = options.get("gateway");
            print(load.run("mixed, through gateway", concurrency, warmup, duration, random -> mixed(gateway, region, random)), options);
            print(load.run("mixed, straight to catalog", concurrency, warmup, duration, random -> mixed(url, region, random)), options);
        }
    }

    /** 70 % a page among the first ten, 15 % a genre, 15 % a language; titles localized for a third of requests. */
    private static URI mixed(String base, String region, java.util.concurrent.ThreadLocalRandom random) {
        int pick = random.nextInt(100);
        String query = pick < 70 ? "page=" + random.nextInt(10) : pick < 85 ? "genre=thriller&page=" + random.nextInt(3)
                : "language=ko&page=" + random.nextInt(3);
        return URI.create(base + "/api/v1/storefront/" + region + "/dramas?size=20&" + query);
    }

    private static void print(HttpLoad.Result result, Map<String, String> options) {
        System.out.println(result);
        if (options.containsKey("pid")) {
            System.out.printf("%-28s RSS %d MiB%n", "", HttpLoad.rssMiB(Long.parseLong(options.get("pid"))));
        }
    }

    static void seed(Connection db, int dramas) throws Exception {
        try (Statement sql = db.createStatement()) {
            ResultSet existing = sql.executeQuery("select count(*) from drama where studio_id = 'bench'");
            existing.next();
            if (existing.getInt(1) >= dramas) {
                System.out.printf("Seed: %d bench dramas already present%n", existing.getInt(1));
                return;
            }
            long start = System.nanoTime();
            sql.execute("delete from regional_rollout where drama_id in (select id from drama where studio_id = 'bench')");
            sql.execute("delete from drama where studio_id = 'bench'");
            sql.execute("insert into studio (id, name, active, registered_by, registered_at, updated_at) values "
                    + "('bench', 'Benchmark studio', true, 'benchmark', now(), now()) on conflict do nothing");
            String episodes = IntStream.rangeClosed(1, 60).mapToObj(n -> ("{\"number\":%d,\"title\":\"Episode %d\","
                    + "\"durationSeconds\":90,\"videoUri\":\"https://cdn.example.com/%d.mp4\",\"videoChecksum\":\"sha256:%064x\","
                    + "\"aspectRatio\":\"9:16\"}").formatted(n, n, n, n)).collect(Collectors.joining(",", "[", "]"));
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into drama (id, studio_id, external_id, title, synopsis, original_language, genres, pricing_tier,
                        episodes, licences, status, drama_version, revision, updated_at, tags, localizations, age_ratings,
                        episode_count, published_episodes, published_at)
                    select gen_random_uuid(), 'bench', 'bench-' || g, 'Bench drama ' || g, 'Synopsis of bench drama ' || g,
                        (array['en','ko','ja','es','zh-Hans'])[1 + g % 5],
                        (array['["romance"]','["thriller"]','["revenge","romance"]','["fantasy"]','["comedy"]','["romance","ceo"]'])[1 + g % 6],
                        'standard', ?, '[]', 'PUBLISHED', 1, 1, now(), '[]',
                        case when g % 3 = 0 then '{"es":{"title":"Drama de prueba ' || g || '"}}' else '{}' end, '[]',
                        60, 60, now() - (g % 365) * interval '1 day'
                    from generate_series(1, ?) g""")) {
                insert.setString(1, episodes);
                insert.setInt(2, dramas);
                insert.executeUpdate();
            }
            // About half of the ten countries per drama; 80 % of rows LIVE, the rest waiting for a language or a price.
            sql.execute("""
                    insert into regional_rollout (drama_id, region, drama_version, valid_from, valid_until, localization_version,
                        localization_ready, missing_languages, subtitle_languages, pricing_version, currency, price_minor,
                        minor_units, coins_per_episode, free_episodes, listed_at)
                    select d.id, r.region, 1, now() - interval '30 days', null, 1,
                        abs(hashtext(d.external_id || r.region)) % 10 < 8,
                        case when abs(hashtext(d.external_id || r.region)) % 10 < 8 then '[]' else '["de"]' end,
                        '["en","ko","es"]', 1, 'EUR',
                        case when abs(hashtext(d.external_id || r.region)) % 20 = 9 then null else 59 end,
                        2, 60, 5, d.published_at
                    from drama d cross join unnest(?::text[]) as r(region)
                    where d.studio_id = 'bench' and abs(hashtext(d.external_id || r.region || 'licence')) % 2 = 0"""
                    .replace("?::text[]", "array['" + String.join("','", REGIONS) + "']"));
            sql.execute("analyze drama");
            sql.execute("analyze regional_rollout");
            System.out.printf("Seed: %d dramas in %.1f s%n", dramas, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void report(Connection db, String region) throws Exception {
        try (Statement sql = db.createStatement()) {
            ResultSet counts = sql.executeQuery("select count(*), count(*) filter (where localization_ready and price_minor is not null) "
                    + "from regional_rollout where region = '" + region + "'");
            counts.next();
            System.out.printf("Region %s: %d rollout rows, %d of them localized and priced%n", region, counts.getLong(1), counts.getLong(2));
            ResultSet total = sql.executeQuery("select (select count(*) from drama), (select count(*) from regional_rollout)");
            total.next();
            System.out.printf("Catalog: %d dramas, %d rollout rows%n", total.getLong(1), total.getLong(2));
            System.out.println("Plan of the first page (the storefront query, as the service sends it):");
            ResultSet plan = sql.executeQuery("explain (analyze, buffers off, costs off) select d.id, d.title from regional_rollout r "
                    + "join drama d on d.id = r.drama_id where r.region = '" + region + "' and not r.withdrawn and not r.on_hold "
                    + "and r.localization_ready and r.localization_version >= r.drama_version and r.price_minor is not null "
                    + "and r.pricing_version >= r.drama_version and (r.age_rating is not null or not r.age_rating_required) "
                    + "and r.valid_from <= now() and (r.valid_until is null or r.valid_until > now()) "
                    + "order by r.listed_at desc, r.drama_id limit 21 offset 0");
            while (plan.next()) {
                System.out.println("  " + plan.getString(1));
            }
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
