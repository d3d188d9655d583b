package io.microdrama.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak from its Maven Central distribution in production mode, optimized: its build (Quarkus augmentation, minutes
 * on a busy 2-core machine) runs once per unpacked distribution with the options below, and every start after that
 * skips it ({@code start --optimized}). Its database is an H2 file in the work directory: a restart on the same
 * directory keeps the realm and skips creating the schema; a new directory (every test) or a changed realm file
 * imports the project's realm afresh.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "microdrama";
    private static final String REALM_FILE = "keycloak/microdrama-realm.json";
    /** Build-time options: a file database (H2). */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file");
    private static final Object BUILD_LOCK = new Object();
    /** Written after each build: what the distribution was built with (and when). */
    private static final String BUILD_MARKER = "devstack-build-options";

    private final ChildProcess process;
    private final int port;
    private final Optional<ClassDataArchive> archive;

    private KeycloakServer(ChildProcess process, int port, Optional<ClassDataArchive> archive) {
        this.process = process;
        this.port = port;
        this.archive = archive;
    }

    /** Starts Keycloak; with {@code classDataSharing}, through an AppCDS archive beside the distribution. */
    public static KeycloakServer start(Path workDir, int requestedPort, boolean classDataSharing) {
        int port = Ports.requireFree(requestedPort, "Keycloak");
        Path home = BuildInfo.keycloakHome();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak distribution not found at " + home + ": build the devstack module");
        }
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        Path database = workDir.resolve("h2");
        try {
            Files.createDirectories(workDir);
            byte[] realm;
            try (InputStream in = BuildInfo.open(REALM_FILE)) {
                realm = in.readAllBytes();
            }
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.write(importDir.resolve("microdrama-realm.json"), realm);
            // A realm that changed since this directory's database was made is imported again from scratch.
            Path imported = workDir.resolve("realm.sha256");
            String sha = sha256(realm);
            if (!Files.exists(imported) || !Files.readString(imported).equals(sha)) {
                deleteRecursively(database);
                Files.writeString(imported, sha);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buildOnce(home, env, workDir.resolve("keycloak-build.log"));
        Map<String, String> runEnv = new java.util.HashMap<>(env);
        Optional<ClassDataArchive> archive = classDataSharing
                ? Optional.of(ClassDataArchive.at(home.resolve("devstack-cds.jsa"), home.resolve(BUILD_MARKER)))
                : Optional.empty();
        // Only the C1 compiler, as for the Kafka broker: Keycloak issues a few tokens here, and its start (the platform's
        // longest, on the critical path of the gateway) is mostly JIT work on few cores.
        List<String> append = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        archive.ifPresent(a -> append.addAll(a.jvmOptions()));
        runEnv.put("JAVA_OPTS_APPEND", String.join(" ", append));
        // Production mode, so no build at start; a local cache (no cluster discovery) and plain HTTP on loopback.
        ChildProcess process = ChildProcess.start("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start",
                "--optimized", "--cache=local", "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1",
                "--http-port=" + port, "--import-realm",
                "--db-url=jdbc:h2:file:" + database.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE"),
                runEnv, workDir, workDir.resolve("keycloak.log"));
        KeycloakServer server = new KeycloakServer(process, port, archive);
        process.awaitReady(server::realmAnswers, Duration.ofMinutes(8));
        return server;
    }

    /**
     * Runs {@code kc.sh build} unless this distribution was already built with {@link #BUILD_OPTIONS} (a marker file
     * beside it says so). One build at a time per JVM and per machine (file lock): parallel test JVMs share the home.
     */
    static void buildOnce(Path home, Map<String, String> env, Path log) {
        Path marker = home.resolve(BUILD_MARKER);
        String wanted = String.join(" ", BUILD_OPTIONS);
        synchronized (BUILD_LOCK) {
            try (FileChannel lockFile = FileChannel.open(home.resolve("devstack-build.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
                    return;
                }
                List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
                command.addAll(BUILD_OPTIONS);
                ChildProcess.runToCompletion("keycloak-build", command, env, home, log, Duration.ofMinutes(15));
                Files.writeString(marker, wanted);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The realm URL of a Keycloak on this port. */
    static String realmUrl(int port) {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The OIDC issuer / {@code quarkus.oidc.auth-server-url} of the project's realm. */
    public String realmUrl() {
        return realmUrl(port);
    }

    public ChildProcess process() {
        return process;
    }

    private boolean realmAnswers() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
        archive.ifPresent(a -> a.afterExit(process.stoppedGracefully()));
    }
}
