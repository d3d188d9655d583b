package io.microdrama.bench.gateway;

import io.microdrama.bench.HttpLoad;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the gateway costs on the storefront read path: the same anonymous requests (80 % a page among the first five of
 * {@code /api/v1/storefront/{region}/dramas}, 20 % one drama of the first page) straight to catalog and through the
 * gateway, in alternating rounds (direct, gateway, direct, gateway …) so that whatever else runs on the machine weighs
 * on both alike. Prints every round, the median of the rounds per side, and the resident memory of both processes.
 * <p>
 * Run against {@code ./platform up} started with the storefront rate limit out of the way, e.g.
 * {@code STOREFRONT_RATE_PER_SECOND=1000000 STOREFRONT_RATE_BURST=1000000 ./platform up}: the load comes from one
 * address and would otherwise be (correctly) answered with 429. Options: --catalog, --gateway, --region, --concurrency,
 * --seconds (per round), --rounds, --warmup; {@code --mix storefront} for the storefront benchmark's mix instead (70 %
 * a page among the first ten, 15 % a genre, 15 % a language: issue 18's "mixed pages and filters"); {@code --gzip true}
 * to send {@code Accept-Encoding: gzip} with every request. Prints the bytes of a page of 20 with and without gzip
 * and the machine's load average at the start and the end.
 */
public final class GatewayOverheadBenchmark {

    private static final Pattern DRAMA_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String catalog = options.getOrDefault("catalog", "http://127.0.0.1:8081");
        String gateway = options.getOrDefault("gateway", "http://127.0.0.1:8080");
        String region = options.getOrDefault("region", "GB");
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        Duration round = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "15")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        boolean storefrontMix = options.getOrDefault("mix", "pages").equals("storefront");
        boolean gzip = Boolean.parseBoolean(options.getOrDefault("gzip", "false"));

        List<String> ids = dramaIds(catalog, region);
        System.out.printf("Storefront %s: %d dramas on the first page; %d clients (closed loop), %d rounds of %d s per side, "
                + "%d s warm-up per round%n", region, ids.size(), concurrency, rounds, round.toSeconds(), warmup.toSeconds());
        System.out.printf("Mix: %s; Accept-Encoding: %s; load average at start: %s%n",
                storefrontMix ? "storefront (pages + genre + language filters)" : "pages + one drama",
                gzip ? "gzip" : "none", HttpLoad.loadAverage());
        printPageSizes(catalog, gateway, region);
        printMemory("before", options);

        HttpLoad load = new HttpLoad(gzip ? Map.of("Accept-Encoding", "gzip") : Map.of());
        List<HttpLoad.Result> direct = new ArrayList<>();
        List<HttpLoad.Result> through = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            direct.add(load.run("round " + i + " straight to catalog", concurrency, warmup, round, r -> storefrontMix ? mixed(catalog, region, r) : uri(catalog, region, ids, r)));
            System.out.println(direct.get(direct.size() - 1));
            through.add(load.run("round " + i + " through gateway", concurrency, warmup, round, r -> storefrontMix ? mixed(gateway, region, r) : uri(gateway, region, ids, r)));
            System.out.println(through.get(through.size() - 1));
        }
        System.out.println();
        summary("straight to catalog", direct);
        summary("through gateway", through);
        System.out.printf("%-28s p50 %+7.2f ms  p99 %+7.2f ms  throughput %+6.1f %%%n", "gateway adds (medians)",
                median(through, HttpLoad.Result::p50Millis) - median(direct, HttpLoad.Result::p50Millis),
                median(through, HttpLoad.Result::p99Millis) - median(direct, HttpLoad.Result::p99Millis),
                100 * (median(through, HttpLoad.Result::throughput) / median(direct, HttpLoad.Result::throughput) - 1));
        if (through.stream().anyMatch(result -> result.errors() > 0)) {
            System.out.println("WARNING: non-200 answers through the gateway; is the storefront rate limit lifted (see javadoc)?");
        }
        printMemory("after", options);
        System.out.printf("load average at the end: %s%n", HttpLoad.loadAverage());
    }

    /** Issue 18's mix: 70 % a page among the first ten, 15 % genre=thriller, 15 % language=ko (pages 0..2). */
    private static URI mixed(String base, String region, ThreadLocalRandom random) {
        int pick = random.nextInt(100);
        String query = pick < 70 ? "page=" + random.nextInt(10) : pick < 85 ? "genre=thriller&page=" + random.nextInt(3)
                : "language=ko&page=" + random.nextInt(3);
        return URI.create(base + "/api/v1/storefront/" + region + "/dramas?size=20&" + query);
    }

    /** Bytes on the wire of the first page of 20, plain and with Accept-Encoding: gzip, straight and through the gateway. */
    private static void printPageSizes(String catalog, String gateway, String region) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String base : List.of(catalog, gateway)) {
            StringBuilder line = new StringBuilder(String.format("page of 20 via %-24s", base));
            for (String encoding : List.of("identity", "gzip")) {
                HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/storefront/" + region
                        + "/dramas?size=20")).header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofByteArray());
                line.append(String.format("  %s: %d bytes (status %d, Content-Encoding %s)", encoding, page.body().length,
                        page.statusCode(), page.headers().firstValue("Content-Encoding").orElse("none")));
            }
            System.out.println(line);
        }
    }

    private static URI uri(String base, String region, List<String> ids, ThreadLocalRandom random) {
        if (!ids.isEmpty() && random.nextInt(100) < 20) {
            return URI.create(base + "/api/v1/storefront/" + region + "/dramas/" + ids.get(random.nextInt(ids.size())));
        }
        return URI.create(base + "/api/v1/storefront/" + region + "/dramas?size=20&page=" + random.nextInt(5));
    }

    private static List<String> dramaIds(String catalog, String region) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(catalog + "/api/v1/storefront/" + region + "/dramas?size=20")).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("Storefront " + region + " answered " + page.statusCode() + ": is the platform up?");
        }
        List<String> ids = new ArrayList<>();
        Matcher matcher = DRAMA_ID.matcher(page.body());
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static void summary(String name, List<HttpLoad.Result> results) {
        System.out.printf("%-28s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  (median of %d rounds; %d errors)%n", name,
                median(results, HttpLoad.Result::throughput), median(results, HttpLoad.Result::p50Millis),
                median(results, HttpLoad.Result::p99Millis), results.size(),
                results.stream().mapToLong(HttpLoad.Result::errors).sum());
    }

    private static double median(List<HttpLoad.Result> results, ToDoubleFunction<HttpLoad.Result> metric) {
        double[] values = results.stream().mapToDouble(metric).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static void printMemory(String when, Map<String, String> options) {
        for (String module : List.of("gateway", "catalog-service")) {
            OptionalLong pid = options.containsKey(module + "-pid") ? OptionalLong.of(Long.parseLong(options.get(module + "-pid")))
                    : pidOf(module + "/target/quarkus-app/quarkus-run.jar");
            System.out.printf("RSS %-6s %-16s %s%n", when, module,
                    pid.isPresent() ? HttpLoad.rssMiB(pid.getAsLong()) + " MiB (pid " + pid.getAsLong() + ")" : "process not found");
        }
    }

    /** The JVM whose command line runs the given jar (how ./platform up starts each service). */
    private static OptionalLong pidOf(String jarSuffix) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> {
                        try {
                            String command = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                            return command.startsWith("/") && command.contains("java") && command.contains(jarSuffix)
                                    && !command.startsWith("sh");
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .map(dir -> Long.parseLong(dir.getFileName().toString()))
                    .min(Comparator.naturalOrder()).map(OptionalLong::of).orElse(OptionalLong.empty());
        } catch (Exception e) {
            return OptionalLong.empty();
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
