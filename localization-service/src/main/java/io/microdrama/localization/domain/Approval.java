package io.microdrama.localization.domain;

import io.microdrama.subtitles.QcVerdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person's decision on one subtitle track, bound to the revision (and body hash) it was made on: a new upload with
 * other bytes is another revision, which no earlier decision covers.
 *
 * @param comment why; required for a rejection
 */
public record Approval(Decision decision, String comment, String decidedBy, String decidedByRole, Instant decidedAt,
        long revision, String sha256) {

    /** Longest comment kept (the column's size). */
    public static final int MAX_COMMENT_LENGTH = 1000;

    public enum Decision { APPROVED, REJECTED }

    /** What a decision on a track comes to. */
    public enum Outcome {
        /** Recorded (a first decision, another one, or a rejection with a new comment). */
        DECIDED,
        /** The track's current revision already carries this decision: nothing is written, nothing announced. */
        UNCHANGED,
        /** Four-eyes: the caller uploaded the current revision, so someone else must decide. */
        OWN_UPLOAD,
        /** Only a track that passed QC can be approved or rejected. */
        NOT_QC_ACCEPTED
    }

    /** True when this approves the track's current revision. */
    public boolean approves(long currentRevision) {
        return decision == Decision.APPROVED && revision == currentRevision;
    }

    /** True when this rejects the track's current revision. */
    public boolean rejects(long currentRevision) {
        return decision == Decision.REJECTED && revision == currentRevision;
    }

    /** What is wrong with a decision as asked for (empty when nothing). */
    public static List<Refusal.Field> problems(Decision decision, String comment) {
        List<Refusal.Field> problems = new ArrayList<>();
        if (decision == null) {
            problems.add(new Refusal.Field("decision", "must be APPROVED or REJECTED"));
        }
        if (decision == Decision.REJECTED && (comment == null || comment.isBlank())) {
            problems.add(new Refusal.Field("comment", "is required for a rejection: say what must change"));
        }
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            problems.add(new Refusal.Field("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters"));
        }
        if (comment != null && comment.indexOf('\0') >= 0) {
            problems.add(new Refusal.Field("comment", "must not contain NUL"));
        }
        return problems;
    }

    /**
     * The rule for one track: four-eyes first (the uploader of the current revision never decides on it), then only a
     * QC-accepted track, then idempotency (approving an approved revision again changes nothing; a rejection again
     * with the same comment neither).
     *
     * @param current the decision the track carries, or null
     */
    public static Outcome judge(QcVerdict status, long revision, String uploadedBy, Approval current, Decision decision,
            String comment, String decider) {
        if (uploadedBy != null && uploadedBy.equals(decider)) {
            return Outcome.OWN_UPLOAD;
        }
        if (status != QcVerdict.ACCEPTED) {
            return Outcome.NOT_QC_ACCEPTED;
        }
        if (current != null && current.revision() == revision && current.decision() == decision
                && (decision == Decision.APPROVED || Objects.equals(current.comment(), comment))) {
            return Outcome.UNCHANGED;
        }
        return Outcome.DECIDED;
    }
}
