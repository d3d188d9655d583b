package io.microdrama.localization.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Localization readiness of one (drama, region): ready when every episode has a usable track in every required
 * language. A track is usable when it passed QC and, for a language the region's policy wants approved, a person
 * approved its current revision. A language is available (players may offer it) when it is required and complete;
 * languages outside the region's plan are never offered there, even when complete.
 *
 * @param approvalLanguages the required languages whose tracks count only when approved (kept with the plan; not
 *                          part of what is announced)
 */
public record Readiness(List<String> requiredLanguages, List<String> missingLanguages, List<String> availableLanguages,
                        boolean ready, List<String> approvalLanguages) {

    /** An accepted track of one episode in one language. */
    public record AcceptedTrack(int episode, String language) {
    }

    /**
     * The drama's tracks as readiness sees them: those that passed QC, and of those the ones approved for their
     * current revision.
     */
    public record Tracks(Set<AcceptedTrack> accepted, Set<AcceptedTrack> approved) {
        public Tracks {
            accepted = Set.copyOf(accepted);
            approved = Set.copyOf(approved);
        }

        public static Tracks acceptedOnly(Set<AcceptedTrack> accepted) {
            return new Tracks(accepted, Set.of());
        }

        boolean usable(AcceptedTrack track, boolean approvalRequired) {
            return accepted.contains(track) && (!approvalRequired || approved.contains(track));
        }
    }

    public Readiness {
        requiredLanguages = List.copyOf(requiredLanguages);
        missingLanguages = List.copyOf(missingLanguages);
        availableLanguages = List.copyOf(availableLanguages);
        approvalLanguages = List.copyOf(approvalLanguages);
    }

    /** Readiness where no language needs approval. */
    public static Readiness of(List<String> required, Collection<Integer> episodes, Set<AcceptedTrack> accepted) {
        return of(required, List.of(), episodes, Tracks.acceptedOnly(accepted));
    }

    /**
     * @param required          languages the region needs, in display order (kept in that order in every list)
     * @param approvalLanguages those of them whose tracks must also be approved
     * @param episodes          episode numbers of the current drama version
     * @param tracks            accepted and approved tracks of the drama (any episode, any language)
     */
    public static Readiness of(List<String> required, List<String> approvalLanguages, Collection<Integer> episodes,
            Tracks tracks) {
        List<String> needingApproval = required.stream().filter(approvalLanguages::contains).toList();
        List<String> available = required.stream()
                .filter(language -> !episodes.isEmpty() && episodes.stream().allMatch(episode -> tracks.usable(
                        new AcceptedTrack(episode, language), needingApproval.contains(language))))
                .toList();
        List<String> missing = required.stream().filter(language -> !available.contains(language)).toList();
        // A drama without episodes has nothing a viewer could watch: never ready, even with nothing required.
        boolean ready = missing.isEmpty() && !episodes.isEmpty();
        return new Readiness(required, missing, available, ready, needingApproval);
    }
}
