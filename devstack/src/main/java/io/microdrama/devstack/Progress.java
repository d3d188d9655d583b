package io.microdrama.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The platform's progress while parts start in parallel: one line per event, each with the time since the command
 * started and the part's name in a column, so interleaved lines stay readable. A failure names the part, its log file
 * and the log's last lines.
 */
final class Progress implements StartEvents {

    private final long start = System.nanoTime();

    double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }

    synchronized void line(String part, String text) {
        System.out.printf("[%5.1fs] %-20s %s%n", elapsed(), part, text);
    }

    @Override
    public void starting(String part, String detail, Path log) {
        line(part, "starting" + (detail.isEmpty() ? "" : " " + detail) + "   log: " + log);
    }

    @Override
    public void ready(String part, double seconds, String detail) {
        line(part, String.format("ready in %.1f s%s", seconds, detail.isEmpty() ? "" : " (" + detail + ")"));
    }

    @Override
    public synchronized void failed(String part, Path log, Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        line(part, "FAILED: " + message.lines().findFirst().orElse(cause.toString()));
        System.out.println("           log: " + log);
        tail(log, 20).forEach(line -> System.out.println("           │ " + line));
    }

    private static List<String> tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log yet)");
        }
    }
}
