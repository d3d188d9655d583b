package io.microdrama.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newcomer's path in a reduced form: {@code ./platform up} on a fresh data directory seeds a small demo through
 * the gateway with studio-push, prints the rollout table, and stops cleanly; studio-push itself is exercised on the
 * running platform (QC failures found locally send nothing, sent anyway when allowed and shown by the platform,
 * re-run sends nothing, broken package refused locally). The start is parallel: no service may start before its
 * database exists and Kafka answers (none waits for Keycloak; the demo's seeding and "Platform ready" do), which the
 * order of the progress lines shows; the console's URL is printed with the others; {@code ./platform status} shows every part healthy.
 * Uses the platform's fixed ports, like a developer's machine.
 */
class PlatformCommandE2E {

    static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    static final Path DATA = ROOT.resolve("e2e-tests/target/platform-e2e-data");
    static final List<Integer> PORTS = List.of(8080, 8081, 8082, 8083, 3000, 9092, 5432, 8180);
    static Process platform;
    static final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    static long startedAt;
    static long readyAt;

    @BeforeAll
    static void start() throws Exception {
        assertThat(PORTS).as("the platform's ports must be free for this test").allMatch(port -> !open(port));
        startedAt = System.nanoTime();
        platform = new ProcessBuilder("sh", ROOT.resolve("platform").toString(), "up", "--fresh", "--demo=small",
                "--data=" + DATA).directory(ROOT.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    System.out.println("platform │ " + line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "platform-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> text().contains("Press Ctrl-C") || !platform.isAlive());
        readyAt = System.nanoTime();
        assertThat(platform.isAlive()).as("the platform is running; its output:\n" + text()).isTrue();
        System.out.printf("platform │ (test) command to ready: %.1f s%n", (readyAt - startedAt) / 1e9);
    }

    @AfterAll
    static void stopAndLeaveNothing() throws Exception {
        if (platform == null) {
            return;
        }
        // SIGTERM, what Ctrl-C and ./platform down amount to. Process.destroy() would also close our end of its
        // output and lose the shutdown messages; the handle only signals.
        platform.toHandle().destroy();
        assertThat(platform.waitFor(3, TimeUnit.MINUTES)).as("the platform stops").isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(PORTS).as("ports released").allMatch(port -> !open(port));
            assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(DATA.toString()))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList()).as("processes left behind").isEmpty();
        });
        assertThat(text()).contains("Stopped; data kept in");
    }

    @Test
    void startPrintsTheRolloutOfTheSmallDemo() {
        Map<String, Map<String, Integer>> table = table();
        // The small demo: alpha-heir (en audio; es-419 and ja subtitles; JP window opens in 2027), cold-emperor
        // (zh-Hans audio; one English file fails QC on purpose), cherry-vow (ja; en and zh-Hant subtitles).
        assertThat(table.get("GB").get("LIVE")).as("alpha-heir in GB needs no subtitle").isGreaterThanOrEqualTo(1);
        assertThat(table.get("US").get("LIVE")).as("alpha-heir in US with Spanish").isGreaterThanOrEqualTo(1);
        assertThat(table.get("JP").get("SCHEDULED")).as("alpha-heir's JP window opens later").isGreaterThanOrEqualTo(1);
        assertThat(table.get("JP").get("LIVE")).as("cherry-vow with English subtitles").isGreaterThanOrEqualTo(1);
        assertThat(table.get("TW").get("WAITING")).as("cold-emperor waits for a corrected English file").isGreaterThanOrEqualTo(1);
        assertThat(text()).contains("failed quality control").contains("Swagger UI").contains("client_id=studio-aurora");
        assertThat(text()).as("the console's URL in the ready table").containsPattern("ops-console\\s+http://localhost:3000\\s");
    }

    @Test
    void noServiceStartsBeforeWhatItNeedsIsReady() {
        List<String> lines = List.copyOf(output);
        int kafka = indexOf(lines, "Kafka", "ready in");
        int postgres = indexOf(lines, "PostgreSQL", "ready in");
        int keycloak = indexOf(lines, "Keycloak", "ready in");
        assertThat(List.of(kafka, postgres, keycloak)).as("infrastructure reported ready:\n" + text()).allMatch(i -> i >= 0);
        for (String service : List.of("catalog-service", "localization-service", "billing-service", "gateway", "ops-console")) {
            int starting = indexOf(lines, service, "starting");
            int ready = indexOf(lines, service, "ready in");
            assertThat(starting).as(service + " started after its database exists and Kafka answers").isGreaterThan(postgres)
                    .isGreaterThan(kafka);
            assertThat(ready).as(service + " ready after it started").isGreaterThan(starting);
            assertThat(lines.get(ready)).as("start-up time and memory printed").containsPattern("RSS \\d+ MB");
        }
        assertThat(indexOf(lines, "demo", "seeding through the gateway")).as("the seeding waits for Keycloak")
                .isGreaterThan(keycloak);
        assertThat(indexOf(lines, "Platform", "ready.")).as("ready once Keycloak is").isGreaterThan(keycloak);
    }

    @Test
    void statusShowsEveryPartHealthyWithItsPortAndLog() throws Exception {
        Process status = new ProcessBuilder("sh", ROOT.resolve("platform").toString(), "status", "--data=" + DATA)
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String text = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(status.waitFor(1, TimeUnit.MINUTES)).isTrue();
        System.out.println(text);
        assertThat(status.exitValue()).as(text).isZero();
        assertThat(text).containsPattern("catalog-service\\s+8081\\s+healthy\\s+\\d+ MB\\s+\\S+catalog-service\\.log")
                .containsPattern("localization-service\\s+8082\\s+healthy")
                .containsPattern("billing-service\\s+8083\\s+healthy")
                .containsPattern("gateway\\s+8080\\s+healthy")
                .containsPattern("ops-console\\s+3000\\s+healthy")
                .containsPattern("kafka\\s+9092\\s+listening")
                .containsPattern("postgres\\s+5432\\s+listening")
                .containsPattern("keycloak\\s+8180\\s+listening");
    }

    /** The first progress line of {@code part} with {@code event}, as printed by the platform ("[ 1.2s] part event"). */
    private static int indexOf(List<String> lines, String part, String event) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("^\\[\\s*[0-9.]+s\\] " + java.util.regex.Pattern.quote(part)
                + "\\s+" + java.util.regex.Pattern.quote(event));
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void studioPushAgainstTheRunningPlatform() throws Exception {
        Path work = Files.createTempDirectory("push-e2e");
        Path pkg = copy(ROOT.resolve("demo/packages/sakura/ramen-romance"), work.resolve("ramen"));
        String externalId = "ramen-" + UUID.randomUUID().toString().substring(0, 8);
        Path manifest = pkg.resolve("drama.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"ramen-romance\"", "\"" + externalId + "\""));

        Result refused = push(pkg, "--publish");
        assertThat(refused.output()).as("the platform's QC runs locally first").contains("e003.en.vtt")
                .contains("fails quality control").contains("cue ").contains("nothing was sent");
        assertThat(refused.exit()).as("a QC failure fails the run").isEqualTo(2);

        Result first = push(pkg, "--publish", "--allow-qc-failures");
        assertThat(first.output()).contains("metadata created").contains("published as version 1")
                .contains("failed quality control").contains("e003.en.vtt").contains("cue ");
        assertThat(first.exit()).as("QC failures allowed").isZero();

        Result again = push(pkg, "--publish", "--allow-qc-failures");
        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("metadata unchanged, not sent").contains("50 unchanged (not sent)")
                .as("a second run sends no subtitle request").contains("; 0 request(s)");

        Files.writeString(manifest, Files.readString(manifest).replace("\"number\": 5,", "\"number\": 6,"));
        Result broken = push(pkg, "--publish");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.output()).contains("nothing will be sent").contains("drama.json:episodes[4].number");
    }

    record Result(int exit, String output) {
    }

    private static Result push(Path pkg, String... flags) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                ROOT.resolve("studio-push/target/studio-push.jar").toString(), "--client-id", "studio-sakura",
                "--client-secret", "sakura-dev-secret", "--quiet"));
        command.addAll(List.of(flags));
        command.add(pkg.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println(text);
        return new Result(process.exitValue(), text);
    }

    /** The rollout table the platform printed: region → state → count. */
    private static Map<String, Map<String, Integer>> table() {
        List<String> lines = List.copyOf(output);
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Demo rollout")) {
                header = i + 1;
            }
        }
        assertThat(header).as("a rollout table was printed").isPositive();
        String[] states = lines.get(header).trim().split("\\s+");
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        for (int i = header + 1; i < lines.size() && lines.get(i).matches("\\s+[A-Z]{2}\\s+.*"); i++) {
            String[] cells = lines.get(i).trim().split("\\s+");
            Map<String, Integer> row = new LinkedHashMap<>();
            for (int c = 1; c < states.length; c++) {
                row.put(states[c], Integer.parseInt(cells[c]));
            }
            table.put(cells[0], row);
        }
        return table;
    }

    private static String text() {
        return String.join("\n", List.copyOf(output));
    }

    private static boolean open(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                if (source.toString().contains(".studio-push")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
