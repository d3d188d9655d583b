package io.microdrama.contracts;

import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.contracts.events.ReadinessChanged;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSchemasTest {

    @Test
    void resourcePathFollowsTheCeTypeConvention() {
        assertThat(EventSchemas.resourcePath(CloudEventTypes.DRAMA_PUBLISHED))
                .isEqualTo("io/microdrama/contracts/schemas/io.microdrama.catalog.drama.published.v1.json");
    }

    @Test
    void everyEventTypeHasASchemaOnTheClasspath() throws Exception {
        for (String ceType : CloudEventTypes.ALL) {
            assertThat(EventSchemas.isKnown(ceType)).isTrue();
            try (InputStream in = EventSchemas.openSchema(ceType)) {
                assertThat(in.readAllBytes()).as(ceType).isNotEmpty();
            }
        }
        assertThat(EventSchemasTest.class.getClassLoader().getResource(EventSchemas.ASYNCAPI_RESOURCE)).isNotNull();
    }

    @Test
    void payloadTypes() {
        assertThat(EventSchemas.payloadType(CloudEventTypes.DRAMA_PUBLISHED)).isEqualTo(DramaPublished.class);
        assertThat(EventSchemas.payloadType(CloudEventTypes.DRAMA_WITHDRAWN)).isEqualTo(DramaWithdrawn.class);
        assertThat(EventSchemas.payloadType(CloudEventTypes.READINESS_CHANGED)).isEqualTo(ReadinessChanged.class);
        assertThat(EventSchemas.payloadType(CloudEventTypes.PRICING_SET)).isEqualTo(PricingSet.class);
    }

    @Test
    void unknownTypesAreRejectedWithTheKnownOnesInTheMessage() {
        assertThat(EventSchemas.isKnown("io.microdrama.catalog.drama.published.v2")).isFalse();
        assertThat(EventSchemas.isKnown(null)).isFalse();
        assertThatThrownBy(() -> EventSchemas.resourcePath("io.microdrama.catalog.drama.published.v2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CloudEventTypes.DRAMA_PUBLISHED);
        assertThatThrownBy(() -> EventSchemas.payloadType("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventSchemas.openSchema(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
