package io.microdrama.gateway;

import io.microdrama.testing.architecture.ServiceShape;
import org.junit.jupiter.api.Test;

/**
 * The gateway's package shape ({@link ServiceShape#gatewayRules(String)}): {@code api} in, {@code upstream} out,
 * {@code domain} plain Java, and no outbox, database or Kafka. Plain unit test: reads compiled classes only.
 */
class ArchitectureTest {

    @Test
    void theGatewayKeepsItsShape() {
        ServiceShape.checkGateway("io.microdrama.gateway");
    }
}
