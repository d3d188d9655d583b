package io.microdrama.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Seeds the demo the way real clients would: an admin registers the three demo studios through the gateway, then
 * each studio pushes its packages from {@code demo/packages/<studio>/} with {@code studio-push} and its own client
 * credentials. Then it prints, per region, how many dramas are LIVE, WAITING, SCHEDULED and EXPIRED (ops board,
 * admin token). The push tool's delivery state lives in {@code .devstack/studio-push}, so a fresh start re-seeds.
 */
final class DemoSeeder {

    static final List<String> STUDIOS = List.of("aurora", "lotus", "sakura");
    static final List<String> REGIONS = List.of("US", "MX", "BR", "GB", "DE", "JP", "KR", "TW", "SA", "KW", "IL");
    private static final Pattern DRAMA_ID = Pattern.compile("\"dramaId\"\\s*:");
    private static final Pattern HAS_MORE = Pattern.compile("\"hasMore\"\\s*:\\s*true");

    /** studio-push is short-lived: the client compiler only starts it faster (no C2 compiler threads competing). */
    static final List<String> PUSH_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path root;
    private final Path data;
    private final String gateway;
    private final KeycloakTokens tokens;
    private final String tokenUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final boolean small;

    /** {@code small}: only the first package of each studio (for the CI check of the one-command start). */
    DemoSeeder(Path root, Path data, String gateway, String realmUrl, boolean small) {
        this.small = small;
        this.root = root;
        this.data = data;
        this.gateway = gateway;
        this.tokens = new KeycloakTokens(realmUrl);
        this.tokenUrl = realmUrl + "/protocol/openid-connect/token";
    }

    /**
     * Registers the studios, then pushes every studio's packages at once, one studio-push process per studio (each
     * with its own client credentials, as three studios would); returns false if a push failed (QC failures are
     * expected and allowed).
     */
    boolean seed(Progress progress) throws IOException, InterruptedException {
        String admin = tokens.password("admin", "demo");
        for (String studio : STUDIOS) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/admin/studios/" + studio))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + Character.toUpperCase(studio.charAt(0))
                            + studio.substring(1) + " Studios\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 && answer.statusCode() != 201) {
                throw new IllegalStateException("Registering studio " + studio + " failed: HTTP " + answer.statusCode() + " " + answer.body());
            }
        }
        List<CompletableFuture<Boolean>> pushes = STUDIOS.stream().map(studio -> CompletableFuture.supplyAsync(() -> {
            long begin = System.nanoTime();
            try {
                int exit = push(studio, progress);
                progress.line("demo " + studio, String.format("studio-push done in %.1f s (exit %d)",
                        (System.nanoTime() - begin) / 1e9, exit));
                return exit == 0;
            } catch (IOException e) {
                progress.line("demo " + studio, "studio-push could not run: " + e.getMessage());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, task -> new Thread(task, "seed-" + studio).start())).toList();
        boolean allPushed = true;
        for (CompletableFuture<Boolean> push : pushes) {
            allPushed &= push.join();
        }
        return allPushed;
    }

    private int push(String studio, Progress progress) throws IOException, InterruptedException {
        List<String> packages;
        try (Stream<Path> list = Files.list(root.resolve("demo/packages").resolve(studio))) {
            packages = list.filter(Files::isDirectory).sorted().limit(small ? 1 : Long.MAX_VALUE).map(Path::toString).toList();
        }
        List<String> command = new ArrayList<>(List.of(BuildInfo.javaExecutable().toString()));
        command.addAll(PUSH_JVM_OPTIONS);
        command.addAll(List.of("-jar",
                root.resolve("studio-push/target/studio-push.jar").toString(), "--gateway", gateway, "--token-url", tokenUrl,
                "--client-id", "studio-" + studio, "--client-secret", studio + "-dev-secret", "--publish",
                "--allow-qc-failures", "--quiet", "--state-dir", data.resolve("studio-push").toString(),
                // Three studios at once, each sending 2 languages' bulk uploads at a time: localization parses and QCs
                // on its workers while the other language's transaction holds the drama's lock; more only queues.
                "--parallel", "2"));
        command.addAll(packages);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (!line.isBlank() && !line.contains(": valid (")) {
                    progress.line("demo " + studio, "│ " + line);
                }
            }
        }
        return process.waitFor();
    }

    /** Rollout counts per region and state, read from the ops board through the gateway. */
    Map<String, Map<String, Integer>> rolloutTable(List<String> states) throws IOException, InterruptedException {
        String admin = tokens.password("admin", "demo");
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        for (String region : REGIONS) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String state : states) {
                row.put(state, count(admin, region, state));
            }
            table.put(region, row);
        }
        return table;
    }

    private int count(String token, String region, String state) throws IOException, InterruptedException {
        int total = 0;
        for (int page = 0; page < 50; page++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/ops/regions/" + region
                    + "/rollout?state=" + state + "&size=200&page=" + page)).header("Authorization", "Bearer " + token).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return -1;
            }
            Matcher ids = DRAMA_ID.matcher(answer.body());
            while (ids.find()) {
                total++;
            }
            if (!HAS_MORE.matcher(answer.body()).find()) {
                break;
            }
        }
        return total;
    }

    static void print(Map<String, Map<String, Integer>> table) {
        List<String> states = table.values().iterator().next().keySet().stream().toList();
        StringBuilder header = new StringBuilder("  region ");
        states.forEach(state -> header.append(String.format("%10s", state)));
        System.out.println(header);
        table.forEach((region, row) -> {
            StringBuilder line = new StringBuilder(String.format("  %-6s ", region));
            row.values().forEach(count -> line.append(String.format("%10s", count < 0 ? "?" : count.toString())));
            System.out.println(line);
        });
    }
}
