package io.microdrama.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KafkaBrokerCommandTest {

    private static final String PROPERTY = "devstack.kafka.jvm-options";

    @AfterEach
    void clearProperty() {
        System.clearProperty(PROPERTY);
    }

    /** The JVM takes the last of two settings of one flag: the added options must come after the defaults to win. */
    @Test
    void addedOptionsComeAfterTheDefaultsAndBeforeTheMainClass() {
        assumeTrue(System.getenv(KafkaBroker.JVM_OPTIONS_ENV) == null, "the environment names options of its own");
        System.setProperty(PROPERTY, " -XX:TieredStopAtLevel=4   -Xmx1g ");

        List<String> command = KafkaBroker.brokerCommand(Path.of("server.properties"));

        int defaultJit = command.indexOf("-XX:TieredStopAtLevel=1");
        int fullJit = command.indexOf("-XX:TieredStopAtLevel=4");
        assertTrue(defaultJit > 0 && fullJit > defaultJit, command::toString);
        assertEquals(fullJit + 1, command.indexOf("-Xmx1g"), command::toString);
        assertTrue(command.indexOf("-cp") > fullJit, command::toString);
        assertEquals(List.of("kafka.Kafka", "server.properties"), command.subList(command.size() - 2, command.size()));
    }

    @Test
    void withoutAddedOptionsTheBrokerRunsTheDefaults() {
        assumeTrue(System.getenv(KafkaBroker.JVM_OPTIONS_ENV) == null, "the environment names options of its own");

        List<String> command = KafkaBroker.brokerCommand(Path.of("server.properties"));

        assertEquals(1, command.stream().filter(option -> option.startsWith("-XX:TieredStopAtLevel")).count(),
                command::toString);
        assertTrue(command.contains("-XX:TieredStopAtLevel=1"), command::toString);
    }
}
