package io.microdrama.bench.storefront;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long after a hold commits the storefront stops listing the drama (and after a release lists it again), straight
 * from catalog and through the gateway, with catalog's answers cached in memory. Holds the first drama of page 0 of
 * {@code --region} by SQL (as ops' hold writes the row: the same trigger announces it), then asks page 0 every
 * millisecond or so until the answer changed. Options: --catalog, --gateway, --jdbc, --user, --password, --region,
 * --repeat. Prints every measurement and the largest (gives up waiting after 10 s: a figure of 10 000 ms is a miss).
 */
public final class FreshnessProbe {

    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String region = options.getOrDefault("region", "GB");
        int repeat = Integer.parseInt(options.getOrDefault("repeat", "5"));
        List<String> bases = List.of(options.getOrDefault("catalog", "http://127.0.0.1:8081"),
                options.getOrDefault("gateway", "http://127.0.0.1:8080"));
        List<Double> all = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(options.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/catalog"),
                options.getOrDefault("user", "catalog"), options.getOrDefault("password", "catalog"))) {
            PreparedStatement hold = db.prepareStatement("update regional_rollout set on_hold = ? where drama_id = ?::uuid and region = ?");
            for (String base : bases) {
                String page = base + "/api/v1/storefront/" + region + "/dramas?size=20";
                for (int i = 0; i < repeat; i++) {
                    String id = firstId(get(page));
                    get(page); // cached now
                    hold.setBoolean(1, true);
                    hold.setString(2, id);
                    hold.setString(3, region);
                    hold.executeUpdate(); // autocommit: returns after the commit
                    long committed = System.nanoTime();
                    while (get(page).contains(id) && System.nanoTime() - committed < 10_000_000_000L) {
                        Thread.onSpinWait();
                    }
                    double gone = (System.nanoTime() - committed) / 1e6;
                    hold.setBoolean(1, false);
                    hold.executeUpdate();
                    committed = System.nanoTime();
                    while (!get(page).contains(id) && System.nanoTime() - committed < 10_000_000_000L) {
                        Thread.onSpinWait();
                    }
                    double back = (System.nanoTime() - committed) / 1e6;
                    System.out.printf("%-24s hold -> gone %7.1f ms   release -> back %7.1f ms%n", base, gone, back);
                    all.add(gone);
                    all.add(back);
                }
            }
        }
        System.out.printf("largest of %d: %.1f ms (median %.1f ms)%n", all.size(), Collections.max(all),
                all.stream().sorted().toList().get(all.size() / 2));
    }

    private static String get(String uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String firstId(String page) {
        Matcher matcher = FIRST_ID.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("No drama on the page: " + page);
        }
        return matcher.group(1);
    }
}
