package io.microdrama.testing;

import io.microdrama.devstack.KeycloakTokens;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * For a {@code @QuarkusTest}: probes on the Kafka, PostgreSQL and Keycloak the service under test was configured
 * with (by the devstack test resource, or by Dev Services), read from its own configuration.
 */
public final class ServiceUnderTest {

    private ServiceUnderTest() {
    }

    public static KafkaProbe kafka() {
        return new KafkaProbe(config().getValue("kafka.bootstrap.servers", String.class));
    }

    public static DatabaseProbe database() {
        Config config = config();
        return new DatabaseProbe(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    public static KeycloakTokens tokens() {
        return new KeycloakTokens(config().getValue("quarkus.oidc.auth-server-url", String.class));
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
