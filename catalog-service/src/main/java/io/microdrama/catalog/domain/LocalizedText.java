package io.microdrama.catalog.domain;

/** The studio's own title and synopsis in one language. */
public record LocalizedText(String title, String synopsis) {
}
