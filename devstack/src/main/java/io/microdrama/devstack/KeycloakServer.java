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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Maven Central distribution, started in dev mode with an in-memory database and the
 * project's realm imported on every start (so a realm change is always in effect, and no state leaks between runs).
 * The build options never change between starts, so Keycloak augments itself once per unpacked distribution.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "microdrama";
    private static final String REALM_FILE = "keycloak/microdrama-realm.json";

    private final ChildProcess process;
    private final int port;

    private KeycloakServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KeycloakServer start(Path workDir, int requestedPort) {
        int port = Ports.requireFree(requestedPort, "Keycloak");
        Path home = BuildInfo.keycloakHome();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak distribution not found at " + home + ": build the devstack module");
        }
        try (InputStream realm = BuildInfo.open(REALM_FILE)) {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, importDir.resolve("microdrama-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        ChildProcess process = ChildProcess.start("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm"),
                env, workDir, workDir.resolve("keycloak.log"));
        KeycloakServer server = new KeycloakServer(process, port);
        process.awaitReady(server::realmAnswers, Duration.ofMinutes(4));
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The OIDC issuer / {@code quarkus.oidc.auth-server-url} of the project's realm. */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
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
    }
}
