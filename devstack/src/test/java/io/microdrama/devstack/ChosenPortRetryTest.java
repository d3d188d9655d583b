package io.microdrama.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failed starts the stack tries again, and where. */
class ChosenPortRetryTest {

    private final Path dir = Path.of("/tmp/stack/kafka");
    private final List<Path> tried = new ArrayList<>();

    @Test
    void aServerThatExitsOnAPortWeChoseIsStartedAgainInAFreshDirectory() {
        String started = DevStack.Builder.startRetryingChosenPorts("Kafka", 0, dir, attemptDir -> {
            tried.add(attemptDir);
            if (tried.size() < 3) {
                throw new ChildProcess.ExitedDuringStartup("kafka exited during start-up: Address already in use");
            }
            return "broker";
        });
        assertEquals("broker", started);
        assertEquals(3, tried.size());
        assertEquals(dir, tried.get(0));
        assertEquals(3, new HashSet<>(tried).size(), "each attempt gets its own directory: " + tried);
    }

    @Test
    void itGivesUpAfterThreeAttempts() {
        assertThrows(ChildProcess.ExitedDuringStartup.class, () -> DevStack.Builder.startRetryingChosenPorts("Kafka", 0,
                dir, attemptDir -> {
                    tried.add(attemptDir);
                    throw new ChildProcess.ExitedDuringStartup("kafka exited during start-up");
                }));
        assertEquals(3, tried.size());
    }

    @Test
    void aPortTheCallerNamedIsNotSwappedForAnother() {
        assertThrows(ChildProcess.ExitedDuringStartup.class, () -> DevStack.Builder.startRetryingChosenPorts("Kafka",
                9092, dir, attemptDir -> {
                    tried.add(attemptDir);
                    throw new ChildProcess.ExitedDuringStartup("kafka exited during start-up");
                }));
        assertEquals(List.of(dir), tried);
    }

    @Test
    void aSlowServerIsNotRestarted() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> DevStack.Builder.startRetryingChosenPorts("Keycloak", 0, dir, attemptDir -> {
                    tried.add(attemptDir);
                    throw new IllegalStateException("keycloak not ready after PT4M");
                }));
        assertTrue(failure.getMessage().contains("not ready"));
        assertEquals(1, tried.size());
    }
}
