package io.microdrama.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are in the repository. The test runs from deploy/; Maven passes the repository root. */
public final class Platform {

    private Platform() {
    }

    public static Path root() {
        String configured = System.getProperty("platform.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    public static Path deployDir() {
        return root().resolve("deploy");
    }

    public static Path overlayDir(String overlay) {
        return deployDir().resolve("k8s/overlays").resolve(overlay);
    }

    public static List<String> overlays() {
        return List.of("dev", "prod");
    }

    public static Path realmFile() {
        return deployDir().resolve("keycloak/microdrama-realm.json");
    }

    public static Path realmImportFile() {
        return deployDir().resolve("k8s/base/keycloak/realm-import.yaml");
    }

    public static Path externalObjectsFile() {
        return deployDir().resolve("k8s/external-objects.yaml");
    }

    public static Path composeFile() {
        return deployDir().resolve("compose/compose.yaml");
    }

    public static Path dockerfile(String service) {
        return deployDir().resolve("docker").resolve(service).resolve("Dockerfile.jvm");
    }

    public static Path asyncApiFile() {
        return root().resolve("contracts/src/main/resources/io/microdrama/contracts/asyncapi.yaml");
    }

    public static Path strimziCrdDir() {
        String configured = System.getProperty("strimzi.crd.dir");
        return configured != null ? Path.of(configured) : deployDir().resolve("target/strimzi-crds");
    }

    /**
     * The deployable services: every module whose src/main/resources/application.properties sets
     * quarkus.http.port (a server; command-line tools do not). Found at test time, so a new service is checked, and
     * demanded in the manifests, without editing this module.
     */
    public static List<Path> serviceModules() {
        try (Stream<Path> children = Files.list(root())) {
            return children
                    .filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .filter(dir -> setsHttpPort(dir.resolve("src/main/resources/application.properties")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean setsHttpPort(Path properties) {
        if (!Files.isRegularFile(properties)) {
            return false;
        }
        try {
            return Files.readAllLines(properties).stream().anyMatch(l -> l.strip().startsWith("quarkus.http.port"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
