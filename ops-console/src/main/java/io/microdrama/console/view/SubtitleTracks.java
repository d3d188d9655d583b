package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A drama's subtitle tracks, episode by episode, with their approval state in words and whether the signed-in person
 * may decide on one (the platform decides for sure; this only avoids offering buttons that can only be refused:
 * a track that failed QC, or the person's own upload, four-eyes).
 */
public final class SubtitleTracks {

    private SubtitleTracks() {
    }

    @TemplateData
    public record Track(int episode, String language, String qc, long revision, String uploadedBy, String approval,
            boolean decidable, String whyNot) {

        /** A stable id for the track's form controls. */
        public String key() {
            return episode + "-" + language.replaceAll("[^A-Za-z0-9]", "_");
        }
    }

    @TemplateData
    public record Listing(String dramaId, String externalId, int episodes, List<Track> tracks) {
    }

    /** {@code deciding}: whether the caller is ops or admin (localizers and studios never decide). */
    public static Listing of(JsonNode answer, String callerName, boolean deciding) {
        List<Track> tracks = new ArrayList<>();
        for (JsonNode track : answer.path("tracks")) {
            String status = track.path("status").asText();
            String uploadedBy = track.path("uploadedBy").asText("");
            boolean accepted = "ACCEPTED".equals(status);
            boolean own = !uploadedBy.isEmpty() && uploadedBy.equals(callerName);
            String whyNot = !deciding ? "only ops of a region requiring approval, or admins, decide"
                    : !accepted ? "failed QC: a new upload must pass it first"
                    : own ? "your own upload: someone else must decide (four-eyes)" : "";
            tracks.add(new Track(track.path("episode").asInt(), track.path("language").asText(),
                    accepted ? "passed QC" : "failed QC (" + track.path("errorCount").asInt() + " errors)",
                    track.path("revision").asLong(), uploadedBy, approval(track.path("approval")), whyNot.isEmpty(),
                    whyNot));
        }
        tracks.sort(Comparator.comparingInt(Track::episode).thenComparing(Track::language));
        return new Listing(answer.path("dramaId").asText(), answer.path("externalId").asText(""),
                answer.path("episodes").asInt(), List.copyOf(tracks));
    }

    /** "approved by ops-eu on …: fine" / "not decided (for this revision)". */
    static String approval(JsonNode approval) {
        if (!approval.isObject()) {
            return "not decided (for this revision)";
        }
        String decision = approval.path("decision").asText().toLowerCase(Locale.ROOT);
        String comment = approval.path("comment").asText("");
        return decision + " by " + approval.path("decidedBy").asText() + " at " + approval.path("decidedAt").asText()
                + (comment.isEmpty() ? "" : ": " + comment);
    }

    /** The single decision's answer in words. */
    public static String outcome(JsonNode answer) {
        String what = "episode " + answer.path("episode").asInt() + " " + answer.path("language").asText()
                + " (revision " + answer.path("revision").asLong() + ")";
        String decision = answer.path("approval").path("decision").asText().toLowerCase(Locale.ROOT);
        return answer.path("changed").asBoolean() ? "Track " + what + " is now " + decision + "."
                : "Track " + what + " was already " + decision + ": nothing changed.";
    }

    /** What the form must hold before anything is sent: a decision and, for both, a comment for the localizer. */
    public static List<String> formErrors(String decision, String comment) {
        List<String> errors = new ArrayList<>();
        if (!"APPROVED".equals(decision) && !"REJECTED".equals(decision)) {
            errors.add("decision: approve or reject");
        }
        if (comment == null || comment.isBlank()) {
            errors.add("comment: required (what was checked, or what must change)");
        } else if (comment.length() > 1000) {
            errors.add("comment: at most 1000 characters");
        }
        return List.copyOf(errors);
    }
}
