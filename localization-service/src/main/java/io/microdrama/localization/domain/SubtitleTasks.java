package io.microdrama.localization.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Open subtitle work: an episode whose track in a required language of an open plan is missing, failed QC, was
 * rejected, or (for ops) waits for approval.
 */
public final class SubtitleTasks {

    private SubtitleTasks() {
    }

    /** Who may see a task: a localizer by language, ops by region; admins pass no restriction. */
    public record Scope(boolean everything, Collection<String> languages, Collection<String> regions) {
        public boolean nothing() {
            return !everything && languages.isEmpty() && regions.isEmpty();
        }
    }

    /** Why an episode needs work. */
    public enum Reason {
        /** No track yet. */
        MISSING,
        /** The latest upload failed QC. */
        QC_FAILED,
        /** A person rejected the current revision where approval is required (the comment says why): a new upload is needed. */
        REJECTED,
        /** Passed QC, waiting for a person's approval where required (shown to ops and admins, who can act on it). */
        AWAITING_APPROVAL
    }

    /**
     * One (drama, episode, language) and the regions waiting for it; revision null when missing; the decision's
     * comment, author and time only when rejected.
     */
    public record Task(UUID dramaId, String externalId, String studioId, int episode, String language,
            List<String> regions, Reason reason, Long revision, Integer errorCount, String comment, String rejectedBy,
            Instant rejectedAt) {
    }

    public record Page(long total, List<Task> tasks) {
    }
}
