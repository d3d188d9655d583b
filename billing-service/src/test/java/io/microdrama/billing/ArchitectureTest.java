package io.microdrama.billing;

import io.microdrama.testing.architecture.ServiceShape;
import org.junit.jupiter.api.Test;

/** billing keeps the one service shape (test-support's {@link ServiceShape}); no infrastructure needed. */
class ArchitectureTest {

    @Test
    void billingHasTheServiceShape() {
        ServiceShape.check("io.microdrama.billing");
    }
}
