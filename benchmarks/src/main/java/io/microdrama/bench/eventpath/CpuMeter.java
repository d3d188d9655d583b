package io.microdrama.bench.eventpath;

import io.microdrama.devstack.ChildProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds each process of the platform (with its descendants: devstack starts JVMs behind a small guard) spent
 * between two readings, from /proc (utime + stime in clock ticks, 100 per second on Linux). On a two-core machine it
 * says which part of the path the cores went to.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final List<ChildProcess> processes;
    private Map<String, Long> start = Map.of();
    private long startNanos;

    CpuMeter(List<ChildProcess> processes) {
        this.processes = processes;
    }

    void start() {
        start = read();
        startNanos = System.nanoTime();
    }

    /** "name 1.2 s (6 %)" per process, and the total as cores busy on average. */
    String sinceStart() {
        Map<String, Long> now = read();
        double wall = (System.nanoTime() - startNanos) / 1e9;
        StringBuilder line = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> entry : now.entrySet()) {
            long ticks = entry.getValue() - start.getOrDefault(entry.getKey(), 0L);
            total += ticks;
            line.append(String.format("%s %.1f s, ", entry.getKey(), ticks / TICKS_PER_SECOND));
        }
        return line.append(String.format("together %.2f cores busy on average over %.0f s", total / TICKS_PER_SECOND / wall,
                wall)).toString();
    }

    /** CPU seconds per process since {@link #start()}, for figures computed from them (CPU per event). */
    Map<String, Double> secondsSinceStart() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        read().forEach((name, ticks) -> seconds.put(name, (ticks - start.getOrDefault(name, 0L)) / TICKS_PER_SECOND));
        return seconds;
    }

    private Map<String, Long> read() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (ChildProcess process : processes) {
            ticks.merge(process.name(), ProcessHandle.of(process.pid()).map(handle -> Stream.concat(Stream.of(handle),
                    handle.descendants()).mapToLong(p -> ticks(p.pid())).sum()).orElse(0L), Long::sum);
        }
        // PostgreSQL's server detaches from the process devstack started: count every process of its binary instead
        // (the benchmark's server is the only one on the machine while it runs).
        ticks.put("postgres", ProcessHandle.allProcesses()
                .filter(handle -> handle.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .mapToLong(handle -> ticks(handle.pid())).sum());
        return ticks;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15 of stat)
        } catch (Exception e) {
            return 0;
        }
    }
}
