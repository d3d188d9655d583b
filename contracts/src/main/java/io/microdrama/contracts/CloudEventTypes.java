package io.microdrama.contracts;

import java.util.List;

/**
 * CloudEvents 1.0 conventions of the platform (Kafka binary mode):
 * {@code ce_id} = outbox row id (the consumers' idempotency key), {@code ce_type} = one of the constants below,
 * {@code ce_source} = {@code /<service>}, {@code ce_subject} = drama id, record key = drama id.
 */
public final class CloudEventTypes {
    public static final String DRAMA_PUBLISHED = "io.microdrama.catalog.drama.published.v1";
    public static final String DRAMA_WITHDRAWN = "io.microdrama.catalog.drama.withdrawn.v1";
    public static final String READINESS_CHANGED = "io.microdrama.localization.readiness.changed.v1";
    public static final String PRICING_SET = "io.microdrama.billing.pricing.set.v1";

    public static final String SOURCE_CATALOG = "/catalog";
    public static final String SOURCE_LOCALIZATION = "/localization";
    public static final String SOURCE_BILLING = "/billing";

    public static final List<String> ALL = List.of(DRAMA_PUBLISHED, DRAMA_WITHDRAWN, READINESS_CHANGED, PRICING_SET);

    private CloudEventTypes() {
    }
}
