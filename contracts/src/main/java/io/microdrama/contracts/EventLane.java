package io.microdrama.contracts;

/**
 * The two lanes of the event path (issue 17, fairness). Catalog chooses a drama's lane at its first event and keeps it
 * ({@code INTERACTIVE}: {@link Topics#CATALOG_DRAMA}; {@code BULK}: {@link Topics#CATALOG_DRAMA_BULK}, a studio
 * publishing a back catalogue). Localization and billing answer each drama on the lane they first heard of it on, so
 * a back catalogue's answers never queue ahead of another studio's, and every event of one drama stays on one topic
 * (in order) on each hop.
 */
public enum EventLane {
    INTERACTIVE(Topics.CATALOG_DRAMA, Topics.LOCALIZATION_READINESS, Topics.BILLING_PRICING),
    BULK(Topics.CATALOG_DRAMA_BULK, Topics.LOCALIZATION_READINESS_BULK, Topics.BILLING_PRICING_BULK);

    private final String dramaTopic;
    private final String readinessTopic;
    private final String pricingTopic;

    EventLane(String dramaTopic, String readinessTopic, String pricingTopic) {
        this.dramaTopic = dramaTopic;
        this.readinessTopic = readinessTopic;
        this.pricingTopic = pricingTopic;
    }

    /** Catalog's drama events of this lane. */
    public String dramaTopic() {
        return dramaTopic;
    }

    /** Localization's readiness answers of this lane. */
    public String readinessTopic() {
        return readinessTopic;
    }

    /** Billing's price answers of this lane. */
    public String pricingTopic() {
        return pricingTopic;
    }
}
