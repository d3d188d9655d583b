package io.microdrama.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./platform status}: what the running platform started, on which port, healthy or not (services: their
 * {@code /q/health/ready}; infrastructure: its port answers), resident memory and log file. Reads what
 * {@link Platform} wrote into the data directory once everything was up.
 */
public final class PlatformStatus {

    private PlatformStatus() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : ".devstack").toAbsolutePath();
        Path pidFile = data.resolve("platform.pid");
        boolean running = Files.exists(pidFile)
                && ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).map(ProcessHandle::isAlive).orElse(false);
        if (!running) {
            System.out.println("No platform is running (data in " + data + "). Start it with ./platform up.");
            System.exit(3);
        }
        Path components = data.resolve(Platform.COMPONENTS_FILE);
        if (!Files.exists(components)) {
            System.out.println("The platform (pid " + Files.readString(pidFile).trim() + ") is still starting; "
                    + "logs are in " + data + " (./platform logs NAME).");
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        System.out.printf("%-21s %-6s %-10s %8s  %s%n", "NAME", "PORT", "STATE", "RSS", "LOG");
        boolean allHealthy = true;
        for (String line : Files.readAllLines(components)) {
            List<String> cells = List.of(line.split("\t"));
            String name = cells.get(0);
            int port = Integer.parseInt(cells.get(1));
            long pid = Long.parseLong(cells.get(2));
            String health = cells.get(4);
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            String state;
            if (!alive) {
                state = "stopped";
            } else if (!health.equals("-")) {
                state = healthy(http, health) ? "healthy" : "UNHEALTHY";
            } else {
                state = Ports.isOpen(port) ? "listening" : "NOT LISTENING";
            }
            allHealthy &= state.equals("healthy") || state.equals("listening");
            String rss = ChildProcess.residentMegabytes(pid).stream().mapToObj(mb -> mb + " MB").findFirst().orElse("-");
            System.out.printf("%-21s %-6d %-10s %8s  %s%n", name, port, state, rss, cells.get(3));
        }
        System.exit(allHealthy ? 0 : 1);
    }

    private static boolean healthy(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
