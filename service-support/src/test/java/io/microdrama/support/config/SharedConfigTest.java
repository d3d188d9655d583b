package io.microdrama.support.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared META-INF/microprofile-config.properties, read by SmallRye Config (the library Quarkus configures itself
 * with; expressions expanded as in Quarkus) from this module's classpath: found as a default source, below a service's
 * application.properties (ordinal 250, here an in-memory source) and below system properties and environment
 * variables. That Quarkus applies it at build time too is shown by the services' integration tests, which need its
 * build-time keys (db-kind, Flyway locations, proactive auth off) to start at all.
 */
class SharedConfigTest {

    private static SmallRyeConfig config(Map<String, String> applicationProperties) {
        return new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .build();
    }

    @Test
    void theSharedValuesAreSeen() {
        SmallRyeConfig config = config(Map.of());
        assertThat(config.getValue("quarkus.datasource.db-kind", String.class)).isEqualTo("postgresql");
        assertThat(config.getValue("quarkus.flyway.locations", String.class)).isEqualTo("db/migration,db/support");
        assertThat(config.getValue("quarkus.flyway.migrate-at-start", String.class)).isEqualTo("true");
        assertThat(config.getValue("quarkus.oidc.token.audience", String.class)).isEqualTo("microdrama-api");
        assertThat(config.getConfigValue("quarkus.shutdown.timeout").getSourceOrdinal()).isEqualTo(100);
    }

    @Test
    void aServiceOverridesAnySharedLineInItsApplicationProperties() {
        SmallRyeConfig config = config(Map.of("quarkus.shutdown.timeout", "45s"));
        assertThat(config.getValue("quarkus.shutdown.timeout", String.class)).isEqualTo("45s");
        assertThat(config.getValue("quarkus.http.auth.proactive", String.class)).isEqualTo("false");
    }

    @Test
    void theEnvironmentStillSetsTheAddresses() {
        // A system property stands in for the environment variable: both are sources above the files.
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9093");
        try {
            assertThat(config(Map.of()).getValue("kafka.bootstrap.servers", String.class)).isEqualTo("kafka.example:9093");
        } finally {
            System.clearProperty("KAFKA_BOOTSTRAP_SERVERS");
        }
        assertThat(config(Map.of()).getValue("kafka.bootstrap.servers", String.class)).isEqualTo("127.0.0.1:9092");
    }
}
