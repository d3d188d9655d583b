package io.microdrama.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s/base/keycloak/realm-import.yaml carries deploy/keycloak/microdrama-realm.json (kustomize cannot embed a
 * JSON file into a custom resource). This test fails when they drift; run it with -Drealm.import.write=true to
 * regenerate the YAML from the realm file.
 */
class RealmImportSyncTest {

    private static final String HEADER = """
            # GENERATED from deploy/keycloak/microdrama-realm.json (the realm devstack and compose import) - do not edit.
            # The validation test fails when spec.realm differs from that file; regenerate with
            #   ./mvnw -q -B -ntp -pl deploy test -Dtest=RealmImportSyncTest -Drealm.import.write=true
            # The Keycloak operator imports the realm once (an existing realm is never overwritten). The prod overlay removes
            # the demo users and replaces the demo client secrets with placeholders filled from a Secret.
            """;

    @Test
    void realmImportCarriesTheRealmFile() throws IOException {
        JsonNode realm = Yaml.read(Platform.realmFile());
        if (Boolean.getBoolean("realm.import.write")) {
            Files.writeString(Platform.realmImportFile(), HEADER + render(realm));
        }
        List<ObjectNode> documents = Yaml.documents(Files.readString(Platform.realmImportFile()));
        assertThat(documents).hasSize(1);
        ObjectNode realmImport = documents.get(0);
        assertThat(K8s.kind(realmImport)).isEqualTo("KeycloakRealmImport");
        assertThat(realmImport.path("spec").path("realm"))
                .as("spec.realm of %s must equal %s (regenerate: -Drealm.import.write=true)",
                        Platform.root().relativize(Platform.realmImportFile()),
                        Platform.root().relativize(Platform.realmFile()))
                .isEqualTo(realm);
    }

    private static String render(JsonNode realm) throws IOException {
        ObjectNode doc = Yaml.JSON.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2beta1");
        doc.put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", "microdrama-realm");
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        spec.set("realm", realm);
        YAMLMapper mapper = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        return mapper.writeValueAsString(doc);
    }
}
