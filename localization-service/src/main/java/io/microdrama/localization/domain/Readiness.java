package io.microdrama.localization.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Localization readiness of one (drama, region): ready when every episode has an accepted track in every required
 * language. A language is available (players may offer it) when it is required and complete; languages outside the
 * region's plan are never offered there, even when complete.
 */
public record Readiness(List<String> requiredLanguages, List<String> missingLanguages, List<String> availableLanguages,
                        boolean ready) {

    /** An accepted track of one episode in one language. */
    public record AcceptedTrack(int episode, String language) {
    }

    public Readiness {
        requiredLanguages = List.copyOf(requiredLanguages);
        missingLanguages = List.copyOf(missingLanguages);
        availableLanguages = List.copyOf(availableLanguages);
    }

    /**
     * @param required languages the region needs, in display order (kept in that order in every list)
     * @param episodes episode numbers of the current drama version
     * @param accepted accepted tracks of the drama (any episode, any language)
     */
    public static Readiness of(List<String> required, Collection<Integer> episodes, Set<AcceptedTrack> accepted) {
        List<String> available = required.stream()
                .filter(language -> !episodes.isEmpty()
                        && episodes.stream().allMatch(episode -> accepted.contains(new AcceptedTrack(episode, language))))
                .toList();
        List<String> missing = required.stream().filter(language -> !available.contains(language)).toList();
        // A drama without episodes has nothing a viewer could watch: never ready, even with nothing required.
        boolean ready = missing.isEmpty() && !episodes.isEmpty();
        return new Readiness(required, missing, available, ready);
    }
}
