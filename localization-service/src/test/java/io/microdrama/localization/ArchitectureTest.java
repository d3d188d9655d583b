package io.microdrama.localization;

import io.microdrama.testing.architecture.ServiceShape;
import org.junit.jupiter.api.Test;

/** The package shape every service shares (docs/architecture.md): api/messaging → application → domain, persistence. */
class ArchitectureTest {

    @Test
    void localizationHasTheServiceShape() {
        ServiceShape.check("io.microdrama.localization");
    }
}
