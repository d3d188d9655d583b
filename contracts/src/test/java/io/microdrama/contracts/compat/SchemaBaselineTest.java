package io.microdrama.contracts.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.EventSchemas;
import io.microdrama.contracts.compat.SchemaCompatibility.BreakingChange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Guards the published contract: the current schemas must be backward compatible with the committed baseline in
 * {@code src/test/resources/schema-baseline/}. See contracts/README.md, "Evolving an event".
 */
class SchemaBaselineTest {

    private static final String BASELINE_DIRECTORY = "schema-baseline";
    private static final String HOW_TO = """

            How to proceed (contracts/README.md, "Evolving an event"):
            - If consumers really may break, do not change the v1 schema: add a new event type version
              (a new ce_type ending .v2 with its own schema file) and keep producing v1 until every consumer moved.
            - If the change is in fact safe, say why in the commit and copy the schema over its baseline in
              contracts/src/test/resources/schema-baseline/ in the same commit.""";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void currentSchemasAreBackwardCompatibleWithTheBaseline() {
        Map<String, JsonNode> baseline = read(BASELINE_DIRECTORY);
        Map<String, JsonNode> current = read(EventSchemas.SCHEMA_DIRECTORY);
        assertThat(baseline).as("baseline schemas").isNotEmpty();

        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(baseline, current);

        if (!changes.isEmpty()) {
            fail(changes.size() + " breaking change(s) against the schema baseline:\n"
                    + changes.stream().map(change -> "  - " + change).collect(Collectors.joining("\n"))
                    + HOW_TO);
        }
    }

    @Test
    void everyCurrentSchemaHasABaseline() {
        Set<String> missing = new TreeSet<>(read(EventSchemas.SCHEMA_DIRECTORY).keySet());
        missing.removeAll(read(BASELINE_DIRECTORY).keySet());

        assertThat(missing)
                .as("schemas without a baseline; copy each new schema file to "
                        + "contracts/src/test/resources/schema-baseline/ in the commit that adds it")
                .isEmpty();
    }

    private static Map<String, JsonNode> read(String classLoaderDirectory) {
        URL url = SchemaBaselineTest.class.getClassLoader().getResource(classLoaderDirectory);
        assertThat(url).as("directory %s on the test classpath", classLoaderDirectory).isNotNull();
        Map<String, JsonNode> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(Path.of(url.toURI()))) {
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                files.put(path.getFileName().toString(), MAPPER.readTree(path.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
