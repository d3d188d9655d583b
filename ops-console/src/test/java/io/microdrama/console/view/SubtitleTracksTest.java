package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SubtitleTracksTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode tracks() throws Exception {
        return json.readTree("""
                {"dramaId":"3f0c1b7e-0000-4000-8000-000000000001","externalId":"bride","episodes":3,"tracks":[
                 {"episode":2,"language":"de","status":"ACCEPTED","revision":1,"uploadedBy":"aurora","errorCount":0},
                 {"episode":1,"language":"de","status":"ACCEPTED","revision":2,"uploadedBy":"ops-eu","errorCount":0,
                  "approval":{"decision":"APPROVED","comment":"reads well","decidedBy":"admin","decidedAt":"2026-12-03T10:00:00Z"}},
                 {"episode":1,"language":"ar","status":"QC_FAILED","revision":1,"uploadedBy":"localizer-rtl","errorCount":2}]}
                """);
    }

    @Test
    void tracksAreListedByEpisodeWithTheirApprovalAndWhoMayDecide() throws Exception {
        SubtitleTracks.Listing listing = SubtitleTracks.of(tracks(), "ops-eu", true);

        assertThat(listing.tracks()).extracting(SubtitleTracks.Track::key).containsExactly("1-ar", "1-de", "2-de");
        SubtitleTracks.Track failed = listing.tracks().get(0);
        assertThat(failed.qc()).isEqualTo("failed QC (2 errors)");
        assertThat(failed.decidable()).isFalse();
        assertThat(failed.whyNot()).startsWith("failed QC");
        SubtitleTracks.Track own = listing.tracks().get(1);
        assertThat(own.approval()).isEqualTo("approved by admin at 2026-12-03T10:00:00Z: reads well");
        assertThat(own.decidable()).as("four-eyes").isFalse();
        assertThat(own.whyNot()).contains("your own upload");
        SubtitleTracks.Track open = listing.tracks().get(2);
        assertThat(open.decidable()).isTrue();
        assertThat(open.approval()).isEqualTo("not decided (for this revision)");

        assertThat(SubtitleTracks.of(tracks(), "localizer-cjk", false).tracks())
                .allSatisfy(track -> assertThat(track.decidable()).isFalse());
    }

    @Test
    void theAnswerAndTheFormAreInWords() throws Exception {
        assertThat(SubtitleTracks.outcome(json.readTree("""
                {"episode":2,"language":"de","revision":1,"changed":true,"approval":{"decision":"REJECTED"}}""")))
                .isEqualTo("Track episode 2 de (revision 1) is now rejected.");
        assertThat(SubtitleTracks.outcome(json.readTree("""
                {"episode":2,"language":"de","revision":1,"changed":false,"approval":{"decision":"APPROVED"}}""")))
                .isEqualTo("Track episode 2 de (revision 1) was already approved: nothing changed.");
        assertThat(SubtitleTracks.formErrors("APPROVED", "checked")).isEmpty();
        assertThat(SubtitleTracks.formErrors("MAYBE", " ")).containsExactly("decision: approve or reject",
                "comment: required (what was checked, or what must change)");
    }
}
