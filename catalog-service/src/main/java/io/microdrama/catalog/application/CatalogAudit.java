package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.Drama;
import io.microdrama.catalog.domain.Licence;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.domain.Studio;
import io.microdrama.support.audit.AuditSubject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What catalog's audit records show of a drama, a hold and a studio (the values an auditor compares before and
 * after), built here only. Values are plain JSON (strings, numbers, lists, maps) so that equal values compare equal.
 */
public final class CatalogAudit {

    private CatalogAudit() {
    }

    /** The studio-supplied metadata of a drama; episodes as their count and numbered titles. */
    public static Map<String, Object> metadata(Drama drama) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", drama.title);
        values.put("synopsis", drama.synopsis);
        values.put("originalLanguage", drama.originalLanguage);
        values.put("genres", List.copyOf(drama.genres == null ? List.of() : drama.genres));
        values.put("tags", List.copyOf(drama.tags == null ? List.of() : drama.tags));
        values.put("coverImageUri", drama.coverImageUri);
        values.put("pricingTier", drama.pricingTier);
        Map<String, Object> localizations = new TreeMap<>();
        if (drama.localizations != null) {
            drama.localizations.forEach((language, text) -> {
                Map<String, Object> localized = new LinkedHashMap<>();
                localized.put("title", text.title());
                localized.put("synopsis", text.synopsis());
                localizations.put(language, localized);
            });
        }
        values.put("localizations", localizations);
        values.put("ageRatings", drama.ageRatings == null ? List.of()
                : drama.ageRatings.stream().map(r -> r.region() + " " + r.label()).sorted().toList());
        values.put("licences", drama.licences == null ? List.of()
                : drama.licences.stream().map(CatalogAudit::licence).sorted().toList());
        values.put("episodeCount", drama.episodes == null ? 0 : drama.episodes.size());
        values.put("episodes", drama.episodes == null ? List.of()
                : drama.episodes.stream().map(e -> e.number() + " " + e.title() + " (" + e.durationSeconds() + " s)").toList());
        return values;
    }

    /** The publication state of a drama. */
    public static Map<String, Object> publication(Drama drama) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", drama.status.name());
        values.put("dramaVersion", drama.dramaVersion);
        return values;
    }

    /** The hold of one (drama, region). */
    public static Map<String, Object> hold(RegionalRollout rollout) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("onHold", rollout.onHold);
        values.put("holdReason", rollout.holdReason);
        values.put("heldBy", rollout.heldBy);
        values.put("heldAt", rollout.heldAt == null ? null : rollout.heldAt.toString());
        return values;
    }

    public static Map<String, Object> studio(Studio studio) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", studio.name);
        values.put("active", studio.active);
        return values;
    }

    public static AuditSubject drama(Drama drama) {
        return AuditSubject.drama(drama.id, drama.studioId,
                drama.licences == null ? List.of() : drama.licences.stream().map(Licence::region).toList());
    }

    public static AuditSubject rollout(Drama drama, String region) {
        return AuditSubject.dramaInRegion("rollout", drama.id, drama.studioId, region);
    }

    public static AuditSubject studio(String studioId) {
        return AuditSubject.of("studio", studioId, studioId, List.of());
    }

    private static String licence(Licence licence) {
        return licence.region() + " " + licence.validFrom() + ".." + (licence.validUntil() == null ? "" : licence.validUntil())
                + (licence.exclusive() ? " exclusive" : "");
    }
}
