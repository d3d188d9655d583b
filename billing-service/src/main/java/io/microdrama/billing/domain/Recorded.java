package io.microdrama.billing.domain;

import java.time.Instant;

/** Who stored a reference-data version and when; versions from the shipped CSV files have none. */
public record Recorded(String by, Instant at) {
}
