package io.microdrama.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Test helpers: mappers configured like the services', schema loading and validation, JSON edits. */
final class Json {

    /**
     * Like the ObjectMapper Quarkus produces by default: java.time support with instants written as ISO-8601
     * strings, unknown properties ignored on read, null properties written.
     */
    static final ObjectMapper QUARKUS_DEFAULT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The same with {@code quarkus.jackson.serialization-inclusion=non-null}: null properties are left out. */
    static final ObjectMapper QUARKUS_NON_NULL = QUARKUS_DEFAULT.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** Plain mapper for reading schema and test documents. */
    static final ObjectMapper PLAIN = new ObjectMapper();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Draft 2020-12 treats format as an annotation by default; the contract wants it asserted. */
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Json() {
    }

    static JsonNode readResource(String classLoaderPath) {
        try (InputStream in = Json.class.getClassLoader().getResourceAsStream(classLoaderPath)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + classLoaderPath);
            }
            return PLAIN.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classpath directory as a file-system path (test and main resources are plain directories in a build). */
    static Path resourceDirectory(String classLoaderPath) {
        URL url = Json.class.getClassLoader().getResource(classLoaderPath);
        if (url == null) {
            throw new IllegalStateException("missing resource directory " + classLoaderPath);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code *.json} file of a directory, parsed, keyed by file name, sorted. */
    static Map<String, JsonNode> readJsonFiles(Path directory) {
        Map<String, JsonNode> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                files.put(path.getFileName().toString(), PLAIN.readTree(path.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Follows local {@code $ref}s ({@code #/...}); keywords next to a {@code $ref} are laid over its target. */
    static JsonNode resolveRef(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        while (current.isObject() && current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalArgumentException("non-local $ref " + ref);
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("unresolved $ref " + ref);
            }
            ObjectNode merged = ((ObjectNode) target).deepCopy();
            JsonNode siblings = current;
            siblings.fieldNames().forEachRemaining(name -> {
                if (!"$ref".equals(name)) {
                    merged.set(name, siblings.get(name));
                }
            });
            current = merged;
        }
        return current;
    }

    static JsonNode schemaNode(String ceType) {
        try (InputStream in = EventSchemas.openSchema(ceType)) {
            return PLAIN.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema schema(String ceType) {
        return SCHEMAS.computeIfAbsent(ceType, type -> FACTORY.getSchema(schemaNode(type), CONFIG));
    }

    static JsonSchema schema(JsonNode schemaNode) {
        return FACTORY.getSchema(schemaNode, CONFIG);
    }

    static JsonSchemaFactory factory() {
        return FACTORY;
    }

    static Set<ValidationMessage> validate(String ceType, JsonNode payload) {
        return schema(ceType).validate(payload);
    }

    static JsonNode toTree(ObjectMapper mapper, Object value) {
        try {
            // Through text, exactly like a producer writing the record value and a consumer reading it.
            return PLAIN.readTree(mapper.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An edit that sets the value at a JSON pointer (the parent must exist). */
    static UnaryOperator<JsonNode> set(String pointer, Object value) {
        return document -> {
            JsonNode copy = document.deepCopy();
            JsonPointer path = JsonPointer.compile(pointer);
            JsonNode parent = copy.at(path.head());
            JsonNode newValue = value == null ? NullNode.instance : PLAIN.valueToTree(value);
            if (parent instanceof ArrayNode array) {
                array.set(path.last().getMatchingIndex(), newValue);
            } else if (parent instanceof ObjectNode object) {
                object.set(path.last().getMatchingProperty(), newValue);
            } else {
                throw new IllegalArgumentException("no container at " + path.head() + " in " + document);
            }
            return copy;
        };
    }

    /** An edit that removes the object property at a JSON pointer. */
    static UnaryOperator<JsonNode> remove(String pointer) {
        return document -> {
            JsonNode copy = document.deepCopy();
            JsonPointer path = JsonPointer.compile(pointer);
            JsonNode parent = copy.at(path.head());
            if (!(parent instanceof ObjectNode object) || object.remove(path.last().getMatchingProperty()) == null) {
                throw new IllegalArgumentException("nothing to remove at " + pointer + " in " + document);
            }
            return copy;
        };
    }

    /** An edit that renames an object property, keeping its value. */
    static UnaryOperator<JsonNode> rename(String pointer, String newName) {
        return document -> {
            JsonNode copy = document.deepCopy();
            JsonPointer path = JsonPointer.compile(pointer);
            ObjectNode parent = (ObjectNode) copy.at(path.head());
            JsonNode value = parent.remove(path.last().getMatchingProperty());
            if (value == null) {
                throw new IllegalArgumentException("nothing to rename at " + pointer + " in " + document);
            }
            parent.set(newName, value);
            return copy;
        };
    }
}
