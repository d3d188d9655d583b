package io.microdrama.contracts;

import java.util.List;

/**
 * CloudEvents 1.0 conventions of the platform (Kafka binary mode):
 * {@code ce_id} = outbox row id (the consumers' idempotency key), {@code ce_type} = one of the constants below,
 * {@code ce_source} = {@code /<service>}, {@code ce_subject} = drama id, record key = drama id (the audit event:
 * drama id when the action has one, else the id of the entity it changed).
 */
public final class CloudEventTypes {
    public static final String DRAMA_PUBLISHED = "io.microdrama.catalog.drama.published.v1";
    public static final String DRAMA_WITHDRAWN = "io.microdrama.catalog.drama.withdrawn.v1";
    public static final String READINESS_CHANGED = "io.microdrama.localization.readiness.changed.v1";
    public static final String PRICING_SET = "io.microdrama.billing.pricing.set.v1";
    /** Produced by every service (its {@code ce_source}); {@code ce_subject} is the drama id, else the entity id. */
    public static final String AUDIT_RECORDED = "io.microdrama.platform.audit.recorded.v1";

    public static final String SOURCE_CATALOG = "/catalog";
    public static final String SOURCE_LOCALIZATION = "/localization";
    public static final String SOURCE_BILLING = "/billing";

    public static final List<String> ALL = List.of(DRAMA_PUBLISHED, DRAMA_WITHDRAWN, READINESS_CHANGED, PRICING_SET,
            AUDIT_RECORDED);

    private CloudEventTypes() {
    }
}
