package io.microdrama.localization.domain;

import io.microdrama.subtitles.QcVerdict;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Open subtitle work: an episode whose track in a required language of an open plan is missing or failed QC. */
public final class SubtitleTasks {

    private SubtitleTasks() {
    }

    /** Who may see a task: a localizer by language, ops by region; admins pass no restriction. */
    public record Scope(boolean everything, Collection<String> languages, Collection<String> regions) {
        public boolean nothing() {
            return !everything && languages.isEmpty() && regions.isEmpty();
        }
    }

    /** One (drama, episode, language) and the regions waiting for it; status and revision null when missing. */
    public record Task(UUID dramaId, String externalId, String studioId, int episode, String language,
            List<String> regions, QcVerdict status, Long revision, Integer errorCount) {
    }

    public record Page(long total, List<Task> tasks) {
    }
}
