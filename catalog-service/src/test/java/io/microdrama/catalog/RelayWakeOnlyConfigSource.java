package io.microdrama.catalog;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Catalog's tests run with the outbox relay's fallback poll at one hour: every event they see on Kafka was sent
 * because a commit woke the relay (or after a broker failure, by its back-off, kept short here). Proved on its own by
 * {@link OutboxWakeIT}. A config source rather than a test profile: a profile would start a second devstack.
 */
public class RelayWakeOnlyConfigSource implements ConfigSource {

    private static final Map<String, String> PROPERTIES = Map.of(
            "eventing.relay.poll-interval", "1h",
            "eventing.relay.max-backoff", "2s");

    @Override
    public Set<String> getPropertyNames() {
        return PROPERTIES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTIES.get(propertyName);
    }

    @Override
    public String getName() {
        return "catalog-tests-relay-wake-only";
    }

    /** Above application.properties (250), below environment variables (300). */
    @Override
    public int getOrdinal() {
        return 275;
    }
}
