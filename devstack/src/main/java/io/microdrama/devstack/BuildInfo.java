package io.microdrama.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/** What this devstack build resolved: child-process classpath and the unpacked Keycloak distribution. */
final class BuildInfo {

    private BuildInfo() {
    }

    static String childClasspath() {
        String dependencies = resource("child.classpath").trim();
        return ownLocation() + java.io.File.pathSeparator + dependencies;
    }

    static Path keycloakHome() {
        return Path.of(properties().getProperty("keycloak.home"));
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static InputStream open(String name) {
        InputStream in = BuildInfo.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("devstack resource " + name + " missing: build the devstack module first");
        }
        return in;
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try (InputStream in = open("build.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ownLocation() {
        try {
            return Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
