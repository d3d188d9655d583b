package io.microdrama.catalog.domain;

/** A rating under a region's rating system, written {@code system:value} by studios (e.g. {@code fsk:12}). */
public record AgeRating(String region, String system, String value) {

    public String label() {
        return system + ":" + value;
    }
}
