package io.microdrama.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.microdrama.gateway.support.OpenApiDocument;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's OpenAPI document is valid OpenAPI 3.1 by the OpenAPI Initiative's own JSON Schema (downloaded at build
 * time by the pom, see there), so any OpenAPI tool can read it. What the schema cannot see (answers that disagree with
 * it) is held by e2e-tests' OpenApiAnswers against the real platform.
 */
class OpenApiDocumentSchemaTest {

    static final Path OFFICIAL_SCHEMA = Path.of("target", "openapi-schemas", "package", "schemas", "v3.1", "schema.json");

    @Test
    void theDocumentIsValidOpenApi31() throws Exception {
        assertThat(OFFICIAL_SCHEMA).as("downloaded by the build (generate-test-resources)").exists();
        JsonSchema official = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper().readTree(Files.readString(OFFICIAL_SCHEMA)));

        assertThat(official.validate(OpenApiDocument.tree())).isEmpty();
    }

    @Test
    void theOfficialSchemaRefusesABrokenDocument() throws Exception {
        JsonSchema official = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new ObjectMapper().readTree(Files.readString(OFFICIAL_SCHEMA)));
        JsonNode broken = OpenApiDocument.tree().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("info")).remove("title");

        assertThat(official.validate(broken)).isNotEmpty();
    }
}
