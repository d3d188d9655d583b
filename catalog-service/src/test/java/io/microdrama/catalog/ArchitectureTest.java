package io.microdrama.catalog;

import io.microdrama.testing.architecture.ServiceShape;
import org.junit.jupiter.api.Test;

/** catalog keeps the one service shape (api/messaging → application → domain, persistence; see ServiceShape). */
class ArchitectureTest {

    @Test
    void catalogHasTheServiceShape() {
        ServiceShape.check("io.microdrama.catalog");
    }
}
