package io.microdrama.e2e.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Holds real answers of the gateway against its OpenAPI document: the operation exists, the status is documented for
 * it, the content type is one the document names, and a JSON body validates against the documented schema (OpenAPI
 * 3.1 schemas are JSON Schema 2020-12). Each disagreement is one line naming the call; the document wins only if the
 * answer is wrong, otherwise the document is what must change.
 * <p>
 * The schema of an answer is the whole document with the response's schema keywords added at its root, so the
 * document's own {@code #/components/...} references resolve as written, without a copy of any schema here.
 */
final class OpenApiAnswers {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private record Template(String path, Pattern pattern, int parameters) {
    }

    private final JsonNode document;
    private final List<Template> templates;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Set<String> answered = new TreeSet<>();
    private final List<String> disagreements = new ArrayList<>();

    private OpenApiAnswers(JsonNode document) {
        this.document = document;
        List<Template> list = new ArrayList<>();
        for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext();) {
            String path = paths.next();
            String regex = Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            list.add(new Template(path, Pattern.compile(regex), (int) path.chars().filter(c -> c == '{').count()));
        }
        // A literal segment beats a parameter: /admin/studios/{id} must not swallow a more specific path.
        list.sort(Comparator.comparingInt(Template::parameters));
        this.templates = List.copyOf(list);
    }

    /** The gateway's document as the build ships it (the source file, so the check follows edits without a rebuild). */
    static OpenApiAnswers ofGatewayDocument() {
        Path file = Path.of("..", "gateway", "src", "main", "resources", "META-INF", "openapi.yaml");
        try {
            return new OpenApiAnswers(new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks one answer; returns its disagreements (also kept for {@link #disagreements()}). */
    synchronized List<String> check(String method, String pathAndQuery, int status, Optional<String> contentType, String body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String call = method + " " + pathAndQuery + " -> " + status;
        List<String> found = new ArrayList<>();
        Optional<Template> template = templates.stream().filter(t -> t.pattern().matcher(path).matches()
                && document.get("paths").get(t.path()).has(method.toLowerCase(Locale.ROOT))).findFirst();
        if (template.isEmpty()) {
            found.add(call + ": no such operation in the document");
            disagreements.addAll(found);
            return found;
        }
        String operationPointer = "/paths/" + escape(template.get().path()) + "/" + method.toLowerCase(Locale.ROOT);
        answered.add(method + " " + template.get().path());
        JsonNode responses = document.at(operationPointer + "/responses");
        String responsePointer = operationPointer + "/responses/" + status;
        if (responses.path(Integer.toString(status)).isMissingNode()) {
            responsePointer = operationPointer + "/responses/default";
            if (responses.path("default").isMissingNode()) {
                found.add(call + ": status " + status + " is not documented for " + method + " " + template.get().path());
                disagreements.addAll(found);
                return found;
            }
        }
        JsonNode response = document.at(responsePointer);
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                found.add(call + ": the document says no body, the answer has " + body.length() + " characters");
            }
        } else {
            String mediaType = contentType.map(type -> type.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
            Optional<String> documented = documentedMediaType(content, mediaType);
            if (documented.isEmpty()) {
                found.add(call + ": content type '" + mediaType + "' is not one of " + names(content));
            } else if (isJson(mediaType) && content.get(documented.get()).has("schema")) {
                String schemaPointer = responsePointer + "/content/" + escape(documented.get()) + "/schema";
                found.addAll(validate(call, schemaPointer, body));
            }
        }
        disagreements.addAll(found);
        return found;
    }

    /** Each distinct disagreement once, in the order first seen. */
    synchronized List<String> disagreements() {
        return List.copyOf(new java.util.LinkedHashSet<>(disagreements));
    }

    /** Operations of the document that answered at least once, as "METHOD /template". */
    synchronized Set<String> answeredOperations() {
        return Set.copyOf(answered);
    }

    /** Every operation of the document, as "METHOD /template". */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(name -> {
            if (METHODS.contains(name)) {
                operations.add(name.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    int operationCount() {
        return operations().size();
    }

    private List<String> validate(String call, String schemaPointer, String body) {
        JsonNode instance;
        try {
            instance = json.readTree(body);
        } catch (IOException e) {
            return List.of(call + ": the body is not JSON: " + e.getMessage());
        }
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer, pointer -> {
            ObjectNode root = document.deepCopy();
            root.setAll((ObjectNode) document.at(pointer).deepCopy());
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            return FACTORY.getSchema(root, CONFIG);
        });
        Set<ValidationMessage> errors = schema.validate(instance);
        return errors.stream().map(error -> call + ": " + error.getMessage()).sorted().toList();
    }

    private static Optional<String> documentedMediaType(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return Optional.of(mediaType);
        }
        String family = mediaType.contains("/") ? mediaType.substring(0, mediaType.indexOf('/')) + "/*" : "";
        if (content.has(family)) {
            return Optional.of(family);
        }
        return content.has("*/*") ? Optional.of("*/*") : Optional.empty();
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return names.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    /** JSON Pointer escaping of one reference token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
