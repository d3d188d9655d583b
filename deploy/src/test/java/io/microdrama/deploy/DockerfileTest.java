package io.microdrama.deploy;

import io.microdrama.deploy.checks.PortCheck;
import io.microdrama.deploy.config.ServiceConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One JVM Dockerfile per service, in the Quarkus fast-jar layout, non-root, exposing the service's port. */
class DockerfileTest {

    @Test
    void everyServiceHasAQuarkusJvmDockerfile() throws IOException {
        for (var module : Platform.serviceModules()) {
            ServiceConfig config = ServiceConfig.load(module);
            var dockerfile = Platform.dockerfile(config.module());
            assertThat(dockerfile).as("Dockerfile of %s", config.module()).isRegularFile();
            String text = Files.readString(dockerfile);
            assertThat(PortCheck.exposedPorts(dockerfile)).as("EXPOSE of %s", config.module())
                    .containsExactly(config.httpPort(Map.of()));
            assertThat(text).contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                    .contains("USER 185")
                    .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")
                    .containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:\\S+$");
        }
    }
}
