package io.microdrama.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** YAML and JSON reading for manifests. */
public final class Yaml {

    public static final YAMLMapper YAML = new YAMLMapper();
    public static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {
    }

    /** Every non-empty document of a multi-document YAML stream, each a mapping. */
    public static List<ObjectNode> documents(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode node = it.next();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException("YAML document is not a mapping: " + node);
                }
                documents.add((ObjectNode) node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    public static JsonNode read(Path file) {
        try {
            return file.toString().endsWith(".json") ? JSON.readTree(file.toFile()) : YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
