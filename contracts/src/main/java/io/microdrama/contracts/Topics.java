package io.microdrama.contracts;

/**
 * Kafka topic names. Each topic has exactly one producing service, except the audit topic, which every service
 * writes (each from its own outbox); see asyncapi.yaml for the consumers.
 */
public final class Topics {
    /** Produced by catalog-service: {@code drama.published}, {@code drama.withdrawn}. Key: drama id. */
    public static final String CATALOG_DRAMA = "catalog.drama.v1";
    /**
     * Catalog's bulk lane: the same events as {@link #CATALOG_DRAMA} for dramas of a studio publishing in bulk (a back
     * catalogue), consumed beside it so a burst never queues ahead of another studio's publication. A drama's events
     * all travel on the lane of its first event. Key: drama id.
     */
    public static final String CATALOG_DRAMA_BULK = "catalog.drama.bulk.v1";
    /** Produced by localization-service: {@code localization.readiness.changed}. Key: drama id. */
    public static final String LOCALIZATION_READINESS = "localization.readiness.v1";
    /**
     * The answer lane of {@link #CATALOG_DRAMA_BULK}: readiness of the dramas localization first heard of on catalog's
     * bulk lane, so catalog reads a back catalogue's answers beside, not ahead of, another studio's. Key: drama id.
     */
    public static final String LOCALIZATION_READINESS_BULK = "localization.readiness.bulk.v1";
    /** Produced by billing-service: {@code billing.pricing.set}. Key: drama id. */
    public static final String BILLING_PRICING = "billing.pricing.v1";
    /** The answer lane of {@link #CATALOG_DRAMA_BULK} for prices, as {@link #LOCALIZATION_READINESS_BULK}. Key: drama id. */
    public static final String BILLING_PRICING_BULK = "billing.pricing.bulk.v1";

    /** Produced by catalog, localization and billing: {@code audit.recorded}. Key: drama id, else the entity id. */
    public static final String PLATFORM_AUDIT = "platform.audit.v1";

    private Topics() {
    }

    /** Dead-letter topic of one consumer service for one topic: {@code <topic>.dlq.<consumer-service>}. */
    public static String deadLetter(String topic, String consumerService) {
        return topic + ".dlq." + consumerService;
    }
}
