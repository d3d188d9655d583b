package io.microdrama.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of ./platform up, and the console as one of the started parts. */
class PlatformOptionsTest {

    private final Path root = Path.of("/repo");

    @Test
    void theConsoleStartsWithTheServicesAndIsNoPartOfTheDemoSeeding() {
        Platform.Service console = Platform.SERVICES.stream().filter(s -> s.module().equals("ops-console")).findFirst()
                .orElseThrow();
        assertEquals(3000, console.port());
        assertFalse(console.backend());
        assertEquals(List.of("catalog-service", "localization-service", "billing-service", "gateway"),
                Platform.SERVICES.stream().filter(Platform.Service::backend).map(Platform.Service::module).toList());
    }

    @Test
    void exceptTakesTheConsoleByNameAndAnUnknownNameListsIt() {
        assertEquals(List.of("ops-console"), Platform.Options.parse(List.of("--except", "ops-console"), root).except());
        assertEquals(List.of("gateway", "ops-console"),
                Platform.Options.parse(List.of("--except=gateway,ops-console"), root).except());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Platform.Options.parse(List.of("--except", "console"), root));
        assertTrue(unknown.getMessage().contains("ops-console"), unknown.getMessage());
    }
}
