package io.microdrama.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A closed-loop HTTP load generator: {@code concurrency} workers each send a request, wait for the answer, record its
 * latency and send the next, for a fixed time after a warm-up. Closed loop means the figures are "what this many
 * busy clients get", not an open arrival rate; say so when quoting them.
 */
public final class HttpLoad {

    public record Result(String name, long requests, long errors, double seconds, double p50Millis, double p90Millis,
            double p99Millis, double maxMillis) {

        public double throughput() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-28s %9.0f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %8.2f ms  (%d requests, %d errors)",
                    name, throughput(), p50Millis, p90Millis, p99Millis, maxMillis, requests, errors);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> headers;

    public HttpLoad() {
        this(Map.of());
    }

    /** A load whose every request also carries {@code headers} (e.g. {@code Accept-Encoding: gzip}). */
    public HttpLoad(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    /** Runs {@code warmup} then {@code duration} of load; {@code pathFor} picks each request's URI (may randomise). */
    public Result run(String name, int concurrency, Duration warmup, Duration duration,
            Function<ThreadLocalRandom, URI> pathFor) throws Exception {
        phase(concurrency, warmup, pathFor);
        return phase(concurrency, duration, pathFor).summarise(name, duration);
    }

    /** The machine's load average over 1, 5 and 15 minutes (Linux /proc/loadavg), to print next to the figures. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private Samples phase(int concurrency, Duration length, Function<ThreadLocalRandom, URI> uriFor) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Samples>> futures = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                futures.add(workers.submit(() -> {
                    Samples samples = new Samples();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        HttpRequest.Builder builder = HttpRequest.newBuilder(uriFor.apply(random)).timeout(Duration.ofSeconds(10))
                                .header("Accept", "application/json");
                        headers.forEach(builder::header);
                        HttpRequest request = builder.GET().build();
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            samples.add(System.nanoTime() - start, response.statusCode() != 200);
                        } catch (Exception e) {
                            samples.add(System.nanoTime() - start, true);
                        }
                    }
                    return samples;
                }));
            }
            Samples all = new Samples();
            for (Future<Samples> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Resident set size in MiB (Linux /proc) of a process and its descendants: devstack runs each service behind a
     * small sh guard, so the pid at hand is often the guard and the JVM is its child. -1 when unknown.
     */
    public static long rssMiB(long pid) {
        return ProcessHandle.of(pid).map(process -> java.util.stream.Stream.concat(java.util.stream.Stream.of(process),
                process.descendants()).mapToLong(p -> rssKiB(p.pid())).sum() / 1024).orElse(-1L);
    }

    private static long rssKiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }

    private static final class Samples {
        private long[] nanos = new long[1 << 16];
        private int size;
        private long errors;

        void add(long latency, boolean error) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = latency;
            if (error) {
                errors++;
            }
        }

        void addAll(Samples other) {
            for (int i = 0; i < other.size; i++) {
                add(other.nanos[i], false);
            }
            errors += other.errors;
        }

        Result summarise(String name, Duration duration) {
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            return new Result(name, size, errors, duration.toNanos() / 1e9, percentile(sorted, 50), percentile(sorted, 90),
                    percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
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
