package io.microdrama.billing.domain;

/** The kinds of entries in a (drama, region)'s price history. */
public enum PricingAuditAction {
    /** drama.published: the tier price was computed (an override may replace it right after). */
    TIER_PRICED,
    /** drama.published: an existing override was applied to the new version. */
    OVERRIDE_REAPPLIED,
    /** Ops set or changed an override. */
    OVERRIDE_SET,
    /** Ops deleted the override; the tier price is back. */
    OVERRIDE_REMOVED,
    /**
     * Reference data changed (or a dated version came into force) and the price was recomputed: the tier's, or
     * the override's coins valued again (the override stays in force).
     */
    REPRICED,
    /** drama.withdrawn: the price stopped being active. */
    PRICES_STOPPED
}
