package io.microdrama.gateway.domain;

/** The services behind the gateway; the name is what callers read in problem answers and health output. */
public enum Upstream {
    CATALOG("catalog-service"),
    LOCALIZATION("localization-service"),
    BILLING("billing-service");

    private final String serviceName;

    Upstream(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
