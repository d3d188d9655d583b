package io.microdrama.contracts.events;

import java.time.Instant;

/** The drama is withdrawn everywhere at this version; consumers stop planning and pricing it. */
public record DramaWithdrawn(String dramaId, long dramaVersion, String studioId, Instant withdrawnAt) {
}
