package io.microdrama.localization.domain;

import io.microdrama.localization.domain.Approval.Decision;
import io.microdrama.localization.domain.Approval.Outcome;
import io.microdrama.localization.domain.Readiness.AcceptedTrack;
import io.microdrama.subtitles.QcVerdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The approval rules: who may decide on which track, what counts for readiness, and the policy's approval rule. */
class ApprovalTest {

    static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    static Approval approved(long revision) {
        return new Approval(Decision.APPROVED, null, "ops-eu", "ops", AT, revision, "a".repeat(64));
    }

    @Test
    void theUploaderOfARevisionNeverDecidesOnItFourEyes() {
        assertThat(Approval.judge(QcVerdict.ACCEPTED, 1, "admin", null, Decision.APPROVED, null, "admin"))
                .isEqualTo(Outcome.OWN_UPLOAD);
        assertThat(Approval.judge(QcVerdict.ACCEPTED, 1, "admin", null, Decision.REJECTED, "no", "admin"))
                .isEqualTo(Outcome.OWN_UPLOAD);
        assertThat(Approval.judge(QcVerdict.ACCEPTED, 1, "localizer-cjk", null, Decision.APPROVED, null, "admin"))
                .isEqualTo(Outcome.DECIDED);
    }

    @Test
    void onlyATrackThatPassedQcCanBeDecidedOn() {
        assertThat(Approval.judge(QcVerdict.QC_FAILED, 2, "studio", null, Decision.APPROVED, null, "ops-eu"))
                .isEqualTo(Outcome.NOT_QC_ACCEPTED);
    }

    @Test
    void theSameDecisionOnTheSameRevisionChangesNothingButANewRevisionNeedsANewOne() {
        assertThat(Approval.judge(QcVerdict.ACCEPTED, 3, "studio", approved(3), Decision.APPROVED, "fine", "admin"))
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(Approval.judge(QcVerdict.ACCEPTED, 4, "studio", approved(3), Decision.APPROVED, null, "admin"))
                .isEqualTo(Outcome.DECIDED);
        Approval rejected = new Approval(Decision.REJECTED, "too literal", "ops-eu", "ops", AT, 3, "a".repeat(64));
        assertThat(Approval.judge(QcVerdict.ACCEPTED, 3, "studio", rejected, Decision.REJECTED, "too literal", "ops-eu"))
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(Approval.judge(QcVerdict.ACCEPTED, 3, "studio", rejected, Decision.REJECTED, "line 4 too", "ops-eu"))
                .isEqualTo(Outcome.DECIDED);
        assertThat(Approval.judge(QcVerdict.ACCEPTED, 3, "studio", rejected, Decision.APPROVED, null, "ops-eu"))
                .isEqualTo(Outcome.DECIDED);
        assertThat(approved(3).approves(3)).isTrue();
        assertThat(approved(3).approves(4)).as("bound to the revision it was made on").isFalse();
        assertThat(rejected.rejects(3)).isTrue();
    }

    @Test
    void aRejectionNeedsAShortCommentWithoutNul() {
        assertThat(Approval.problems(Decision.APPROVED, null)).isEmpty();
        assertThat(Approval.problems(Decision.REJECTED, "Honorifics are wrong in cue 3")).isEmpty();
        assertThat(Approval.problems(Decision.REJECTED, " ")).extracting(Refusal.Field::name).containsExactly("comment");
        assertThat(Approval.problems(null, null)).extracting(Refusal.Field::name).containsExactly("decision");
        assertThat(Approval.problems(Decision.APPROVED, "x".repeat(Approval.MAX_COMMENT_LENGTH + 1))).hasSize(1);
        assertThat(Approval.problems(Decision.APPROVED, "ok\0")).hasSize(1);
    }

    @Test
    void whereApprovalIsRequiredOnlyAnApprovedTrackCounts() {
        Set<AcceptedTrack> accepted = Set.of(new AcceptedTrack(1, "de"), new AcceptedTrack(2, "de"),
                new AcceptedTrack(1, "en"), new AcceptedTrack(2, "en"));
        Readiness.Tracks onlyEpisodeOneApproved = new Readiness.Tracks(accepted, Set.of(new AcceptedTrack(1, "de")));

        Readiness waiting = Readiness.of(List.of("de", "en"), List.of("de"), List.of(1, 2), onlyEpisodeOneApproved);
        assertThat(waiting.ready()).isFalse();
        assertThat(waiting.missingLanguages()).containsExactly("de");
        assertThat(waiting.availableLanguages()).containsExactly("en");
        assertThat(waiting.approvalLanguages()).containsExactly("de");

        Readiness notRequired = Readiness.of(List.of("de", "en"), List.of(), List.of(1, 2), onlyEpisodeOneApproved);
        assertThat(notRequired.ready()).as("no approval required: QC is enough").isTrue();

        Readiness.Tracks allApproved = new Readiness.Tracks(accepted, Set.of(new AcceptedTrack(1, "de"), new AcceptedTrack(2, "de")));
        assertThat(Readiness.of(List.of("de", "en"), List.of("de"), List.of(1, 2), allApproved).ready()).isTrue();
        // An approval without a QC-accepted track counts for nothing.
        Readiness.Tracks approvedNotAccepted = new Readiness.Tracks(Set.of(), Set.of(new AcceptedTrack(1, "fr")));
        assertThat(Readiness.of(List.of("fr"), List.of("fr"), List.of(1), approvedNotAccepted).ready()).isFalse();
        // Approval languages outside the required ones are ignored.
        assertThat(Readiness.of(List.of("en"), List.of("de"), List.of(1, 2), allApproved).approvalLanguages()).isEmpty();
    }

    @Test
    void thePolicyRuleHasADefaultAndPerLanguageExceptionsAndComesWithTheEntry() {
        ApprovalRule exceptEnglish = ApprovalRule.of(true, Map.of("en", false));
        assertThat(exceptEnglish.needingApproval(List.of("de", "en"))).containsExactly("de");
        assertThat(ApprovalRule.of(null, Map.of()).needingApproval(List.of("de"))).as("absent = not required").isEmpty();
        assertThat(ApprovalRule.of(false, Map.of("ja", true)).needingApproval(List.of("ja", "en"))).containsExactly("ja");
        assertThat(ApprovalRule.of(true, Map.of("de", true)).normalized()).isEqualTo(ApprovalRule.of(true, Map.of()));
        assertThat(exceptEnglish.problems("DE", List.of("de", "en"))).isEmpty();
        assertThat(ApprovalRule.of(true, Map.of("fr", false)).problems("DE", List.of("de", "en"))).hasSize(1);
        assertThat(ApprovalRule.of(true, Map.of("x_y", false)).problems("DE", List.of("de"))).hasSize(1);

        LanguagePolicy policy = new LanguagePolicy(2, Map.of("DE", List.of("de", "en"), "EU", List.of("en"),
                "JP", List.of("ja", "en")), Map.of("DE", exceptEnglish, "EU", ApprovalRule.of(true, Map.of())));
        assertThat(policy.approvalLanguages("DE", "ko")).containsExactly("de");
        assertThat(policy.approvalLanguages("DE", "de")).as("the original language needs no track").isEmpty();
        assertThat(policy.approvalLanguages("GR", "ko")).as("from the EU group's entry").containsExactly("en");
        assertThat(policy.approvalLanguages("JP", "ko")).isEmpty();
        assertThat(policy.approvalLanguages("IS", "ko")).as("the fallback requires none").isEmpty();
        assertThat(policy.resolve("GR").approval().required()).isTrue();
    }
}
