package io.microdrama.localization.domain;

import java.util.UUID;

/** A drama as the subtitle API shows and checks it: catalog's id, the owning studio, its external id, its episodes. */
public record DramaSummary(UUID id, String studioId, String externalId, int episodeCount) {
}
