package io.microdrama.contracts;

import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.contracts.events.ReadinessChanged;

import java.io.InputStream;
import java.util.Map;

/**
 * Where the contract documents of this module live on the classpath, and which payload record belongs to which
 * {@code ce_type}. Resource paths are class-loader style (no leading slash), e.g. for
 * {@link ClassLoader#getResourceAsStream(String)}.
 *
 * <p>Every event type in {@link CloudEventTypes#ALL} has a JSON Schema (draft 2020-12) at
 * {@code io/microdrama/contracts/schemas/<ce_type>.json}. A consumer that validates an incoming payload loads the
 * schema with its own validator; this class stays free of any JSON library on purpose.
 */
public final class EventSchemas {

    /** Class-loader path of the directory holding one JSON Schema per event type, with a trailing slash. */
    public static final String SCHEMA_DIRECTORY = "io/microdrama/contracts/schemas/";

    /** Class-loader path of the AsyncAPI 3.0 document describing topics, messages, producers and consumers. */
    public static final String ASYNCAPI_RESOURCE = "io/microdrama/contracts/asyncapi.yaml";

    private static final Map<String, Class<? extends Record>> PAYLOAD_TYPES = Map.of(
            CloudEventTypes.DRAMA_PUBLISHED, DramaPublished.class,
            CloudEventTypes.DRAMA_WITHDRAWN, DramaWithdrawn.class,
            CloudEventTypes.READINESS_CHANGED, ReadinessChanged.class,
            CloudEventTypes.PRICING_SET, PricingSet.class,
            CloudEventTypes.AUDIT_RECORDED, AuditRecorded.class);

    private EventSchemas() {
    }

    /** Whether {@code ceType} is one of the event types of this contract version. */
    public static boolean isKnown(String ceType) {
        return ceType != null && PAYLOAD_TYPES.containsKey(ceType);
    }

    /**
     * Class-loader path of the JSON Schema for {@code ceType}, e.g.
     * {@code io/microdrama/contracts/schemas/io.microdrama.catalog.drama.published.v1.json}.
     *
     * @throws IllegalArgumentException if the type is not one of {@link CloudEventTypes#ALL}
     */
    public static String resourcePath(String ceType) {
        requireKnown(ceType);
        return SCHEMA_DIRECTORY + ceType + ".json";
    }

    /**
     * The payload record for {@code ceType}, e.g. {@code DramaPublished.class}.
     *
     * @throws IllegalArgumentException if the type is not one of {@link CloudEventTypes#ALL}
     */
    public static Class<? extends Record> payloadType(String ceType) {
        requireKnown(ceType);
        return PAYLOAD_TYPES.get(ceType);
    }

    /**
     * Opens the JSON Schema of {@code ceType} from this module's class loader; the caller closes the stream.
     *
     * @throws IllegalArgumentException if the type is not one of {@link CloudEventTypes#ALL}
     * @throws IllegalStateException if the resource is missing from the classpath (a broken build)
     */
    public static InputStream openSchema(String ceType) {
        String path = resourcePath(ceType);
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("JSON Schema resource " + path + " is not on the classpath");
        }
        return in;
    }

    private static void requireKnown(String ceType) {
        if (!isKnown(ceType)) {
            throw new IllegalArgumentException("Unknown CloudEvents type '" + ceType + "'; known types: "
                    + CloudEventTypes.ALL);
        }
    }
}
