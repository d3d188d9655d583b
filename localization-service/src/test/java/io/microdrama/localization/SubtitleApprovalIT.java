package io.microdrama.localization;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.devstack.DevStackTestResource;
import io.microdrama.testing.Events;
import io.microdrama.testing.Events.PublishedDrama;
import io.microdrama.testing.Stack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.microdrama.localization.BulkSubtitleUploadIT.file;
import static io.microdrama.localization.BulkSubtitleUploadIT.files;
import static io.microdrama.localization.LocalizationIT.SRT;
import static io.microdrama.localization.LocalizationIT.VTT;
import static io.microdrama.localization.LocalizationIT.awaitReadiness;
import static io.microdrama.localization.LocalizationIT.isReady;
import static io.microdrama.localization.LocalizationIT.payload;
import static io.microdrama.localization.LocalizationIT.plan;
import static io.microdrama.localization.LocalizationIT.publish;
import static io.microdrama.localization.LocalizationIT.readinessRows;
import static io.microdrama.localization.LocalizationIT.tasksOf;
import static io.microdrama.localization.LocalizationIT.texts;
import static io.microdrama.testing.Stack.studioToken;
import static io.microdrama.testing.Stack.userToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Subtitle approval before LIVE on real Kafka, PostgreSQL and Keycloak, as {@link LocalizationIT}: where a country's
 * policy wants a language approved, a track counts for readiness only once ops of that country (or an admin) approved
 * its current revision, never on its uploader's word (four-eyes); a new upload with other bytes drops the approval,
 * an identical one keeps it; a rejection shows in the localizer's task queue with its comment. Each test uses
 * countries no other test class plans (NL, SG, AT), so the policy changes here change nothing elsewhere.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "localization"), @ResourceArg(name = "keycloak", value = "true") })
class SubtitleApprovalIT {

    static final String ONE = "/api/v1/localization/dramas/{id}/episodes/{n}/subtitles/{language}/approval";
    static final String ALL = "/api/v1/localization/dramas/{id}/subtitles/{language}/approval";
    static final String BY_ID = "/api/v1/localization/dramas/{id}/episodes/{n}/subtitles/{language}";
    static final String APPROVE = "{\"decision\":\"APPROVED\"}";

    @BeforeAll
    static void sendContentTypesAsGiven() {
        LocalizationIT.sendContentTypesAsGiven();
    }

    @Test
    void approvalIsRequiredWhereThePolicySaysSoAndAPolicyChangeReplans() {
        // AT needs German; at first nobody has to approve it, so QC is enough.
        setPolicy("AT", "{\"languages\":[\"de\",\"en\"]}");
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(60), List.of("AT"));
        awaitReadiness(drama, 1, record -> isReady(record, "AT", 1, false));
        upload(studioToken("aurora"), drama, 1, "de", SRT, Subtitles.srt("Guten Morgen."));
        awaitReadiness(drama, 1, record -> isReady(record, "AT", 1, true));

        // Now AT wants German approved: the open plan is re-planned and catalog hears it is no longer ready.
        String admin = userToken("admin");
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"languages\":[\"de\",\"en\"],\"approvalRequired\":true}").put("/api/v1/localization/policy/regions/AT")
                .then().statusCode(200).body("changed", equalTo(true)).body("approvalRequired", equalTo(true))
                .body("readinessEvents", greaterThanOrEqualTo(1));
        // The first not-ready answer was the publication's; the second is the re-plan's.
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> notReadyAnswers =
                awaitReadiness(drama, 2, record -> isReady(record, "AT", 1, false));
        JsonNode notReady = payload(notReadyAnswers.get(notReadyAnswers.size() - 1));
        assertThat(texts(notReady.get("missingLanguages"))).containsExactly("de");
        // The entry's view: both its languages need approval; the English drama's plan needs only German (audio serves en).
        given().auth().oauth2(admin).get("/api/v1/localization/policy/regions/AT").then().statusCode(200)
                .body("approvalRequired", equalTo(true)).body("approvalLanguages", equalTo(List.of("de", "en")));
        given().auth().oauth2(admin).get("/api/v1/localization/policy/changes").then().statusCode(200)
                .body("[0].region", equalTo("AT")).body("[0].approvalRequired", equalTo(true));
        plan(drama, "AT").body("approvalLanguages", equalTo(List.of("de"))).body("ready", equalTo(false));
        // The change is one record of the platform's audit trail: who, where, and the entry before and after.
        AuditRecorded policyChanged = Stack.payload(Stack.awaitRecords(Topics.PLATFORM_AUDIT, record -> "AT".equals(record.key())
                && record.value().contains("POLICY_CHANGED") && record.value().contains("\"approvalRequired\":true"), 1).get(0),
                AuditRecorded.class);
        assertThat(policyChanged.actor()).isEqualTo("admin");
        assertThat(policyChanged.actorRole()).isEqualTo("admin");
        assertThat(policyChanged.service()).isEqualTo("localization");
        assertThat(policyChanged.regions()).contains("AT");
        // Only what changed: the languages stayed.
        assertThat(policyChanged.before()).containsEntry("approvalRequired", false).doesNotContainKey("languages");
        assertThat(policyChanged.after()).containsEntry("approvalRequired", true).doesNotContainKey("languages");
        // The same entry again changes nothing.
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"languages\":[\"de\",\"en\"],\"approvalRequired\":true,\"approvalByLanguage\":{\"de\":true}}")
                .put("/api/v1/localization/policy/regions/AT").then().statusCode(200).body("changed", equalTo(false));
        // An exception for a language the entry does not list is refused.
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"languages\":[\"de\",\"en\"],\"approvalByLanguage\":{\"fr\":true}}")
                .put("/api/v1/localization/policy/regions/AT").then().statusCode(422).contentType("application/problem+json");

        // Ops of AT approve: ready again, told once.
        long before = readinessRows(drama.id());
        approve(userToken("ops-eu"), drama, 1, "de").statusCode(200).body("changed", equalTo(true))
                .body("approval.decision", equalTo("APPROVED")).body("approval.decidedBy", equalTo("ops-eu"))
                .body("approval.decidedByRole", equalTo("ops")).body("approval.revision", equalTo(1));
        assertThat(readinessRows(drama.id())).isEqualTo(before + 1);
        awaitReadiness(drama, 2, record -> isReady(record, "AT", 1, true));

        // Back to no approval (a body with languages only, as before approvals existed): still ready, nothing to tell.
        given().auth().oauth2(admin).contentType("application/json").body("{\"languages\":[\"de\",\"en\"]}")
                .put("/api/v1/localization/policy/regions/AT").then().statusCode(200).body("approvalRequired", equalTo(false));
        assertThat(readinessRows(drama.id())).isEqualTo(before + 1);
        plan(drama, "AT").body("approvalLanguages", equalTo(List.of())).body("ready", equalTo(true));
    }

    @Test
    void fourEyesRolesReplacementAndIdempotency() {
        setPolicy("NL", "{\"languages\":[\"nl\",\"en\"],\"approvalRequired\":true}");
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        // Episode 2 lasts 5 s, so a three-cue file fails QC there (used at the end).
        publish(drama, 1, List.of(60, 5), List.of("NL", "JP"));
        awaitReadiness(drama, 2, record -> true);
        String admin = userToken("admin");
        String opsEu = userToken("ops-eu");
        upload(admin, drama, 1, "nl", SRT, Subtitles.srt("Goedemorgen."));
        upload(studioToken("aurora"), drama, 2, "nl", SRT, Subtitles.srt("Tot morgen."));
        plan(drama, "NL").body("ready", equalTo(false)).body("missingLanguages", equalTo(List.of("nl")))
                .body("approvalLanguages", equalTo(List.of("nl")));
        long eventsBefore = readinessRows(drama.id());

        // Four-eyes: the admin uploaded episode 1, so the admin may not approve it; nobody else of the wrong kind may.
        approve(admin, drama, 1, "nl").statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("four-eyes"));
        approve(userToken("localizer-cjk"), drama, 1, "nl").statusCode(403).contentType("application/problem+json");
        approve(studioToken("aurora"), drama, 1, "nl").statusCode(403).contentType("application/problem+json");
        approve(userToken("ops-na"), drama, 1, "nl").statusCode(404).contentType("application/problem+json");
        approve(userToken("ops-apac"), drama, 1, "nl").statusCode(403)
                .body("detail", containsString("requires approval of nl"));
        given().contentType("application/json").body(APPROVE).put(ONE, drama.id(), 1, "nl").then().statusCode(401);
        // Bad requests change nothing.
        decide(opsEu, drama, 1, "nl", "{\"decision\":\"MAYBE\"}").statusCode(422).body("errors[0].field", equalTo("decision"));
        decide(opsEu, drama, 1, "nl", "{\"decision\":\"REJECTED\"}").statusCode(422).body("errors[0].field", equalTo("comment"));
        decide(opsEu, drama, 1, "nl", "{\"decision\":\"REJECTED\",\"comment\":\"" + "x".repeat(1001) + "\"}").statusCode(422);
        approve(opsEu, drama, 3, "nl").statusCode(404);
        approve(opsEu, drama, 1, "fr").statusCode(403).body("detail", containsString("requires approval of fr"));
        approve(opsEu, drama, 1, "not_a_tag").statusCode(400);
        assertThat(Stack.count("select count(*) from subtitle_track where drama_id = ?::uuid and approval_decision is not null",
                drama.id())).isZero();
        assertThat(readinessRows(drama.id())).as("nothing announced before an approval").isEqualTo(eventsBefore);
        assertThat(approvalAudits(drama.id())).as("refusals leave no audit record").isZero();

        // Ops of NL approve episode 1 (uploaded by the admin): not ready yet, episode 2 waits; the admin approves
        // episode 2 (uploaded by the studio): NL is ready, told once.
        approve(opsEu, drama, 1, "nl").statusCode(200).body("changed", equalTo(true)).body("uploadedBy", equalTo("admin"));
        assertThat(readinessRows(drama.id())).isEqualTo(eventsBefore);
        approve(admin, drama, 2, "nl").statusCode(200).body("approval.decidedByRole", equalTo("admin"));
        awaitReadiness(drama, 1, record -> isReady(record, "NL", 1, true));
        assertThat(readinessRows(drama.id())).isEqualTo(eventsBefore + 1);
        given().get("/api/v1/storefront/NL/dramas/{id}/episodes/1/subtitles/nl.vtt", drama.id()).then().statusCode(200);

        // Approving the approved revision again: 200, nothing changes, no event.
        approve(opsEu, drama, 2, "nl").statusCode(200).body("changed", equalTo(false))
                .body("approval.decidedBy", equalTo("admin"));
        assertThat(readinessRows(drama.id())).isEqualTo(eventsBefore + 1);
        // Each decision that changed something is one record of the platform's audit trail, in its transaction.
        assertThat(approvalAudits(drama.id())).as("one audit record per decision that changed a track").isEqualTo(2);

        // An identical re-upload is no new revision: the approval stays.
        given().auth().oauth2(admin).contentType(SRT).body(Subtitles.srt("Goedemorgen.")).put(BY_ID, drama.id(), 1, "nl")
                .then().statusCode(200).body("changed", equalTo(false));
        tracks(opsEu, drama).body("find { it.episode == 1 }.approval.decision", equalTo("APPROVED"));
        assertThat(readinessRows(drama.id())).isEqualTo(eventsBefore + 1);

        // New bytes: revision 2 carries no approval; NL is not ready any more and catalog hears it.
        given().auth().oauth2(admin).contentType(SRT).body(Subtitles.srt("Goedemorgen, schat.")).put(BY_ID, drama.id(), 1, "nl")
                .then().statusCode(200).body("revision", equalTo(2));
        awaitReadiness(drama, 2, record -> isReady(record, "NL", 1, false));
        assertThat(readinessRows(drama.id())).isEqualTo(eventsBefore + 2);
        tracks(opsEu, drama).body("find { it.episode == 1 }.approval", nullValue())
                .body("find { it.episode == 2 }.approval.decision", equalTo("APPROVED"));
        plan(drama, "NL").body("ready", equalTo(false)).body("missingLanguages", equalTo(List.of("nl")));
        given().get("/api/v1/storefront/NL/dramas/{id}/episodes/1/subtitles/nl.vtt", drama.id()).then().statusCode(404);

        // A track that failed QC cannot be approved.
        given().auth().oauth2(studioToken("aurora")).contentType(SRT).body(Subtitles.srt("Een.", "Twee.", "Drie."))
                .put(BY_ID, drama.id(), 2, "nl").then().statusCode(422);
        approve(opsEu, drama, 2, "nl").statusCode(409).contentType("application/problem+json");
    }

    @Test
    void bulkApprovalRejectionInTheLocalizersQueueAndANewUpload() {
        // Singapore needs zh-Hans and Malay; only Chinese must be approved there.
        setPolicy("SG", "{\"languages\":[\"en\",\"zh-Hans\",\"ms\"],\"approvalByLanguage\":{\"zh-Hans\":true}}");
        PublishedDrama drama = Events.drama().studio("sakura").originalLanguage("en");
        publish(drama, 1, List.of(60, 60, 60), List.of("SG"));
        awaitReadiness(drama, 1, record -> true);
        String localizer = userToken("localizer-cjk");
        String opsApac = userToken("ops-apac");
        String admin = userToken("admin");
        for (int episode = 1; episode <= 3; episode++) {
            upload(localizer, drama, episode, "zh-Hans", VTT, Subtitles.vtt("早上好。"));
            upload(admin, drama, episode, "ms", SRT, Subtitles.srt("Selamat pagi."));
        }
        plan(drama, "SG").body("ready", equalTo(false)).body("missingLanguages", equalTo(List.of("zh-Hans")))
                .body("availableLanguages", equalTo(List.of("ms"))).body("approvalLanguages", equalTo(List.of("zh-Hans")));
        // Waiting for approval is ops' work, not the localizer's.
        tasksOf(opsApac, drama).body("reason", equalTo(List.of("AWAITING_APPROVAL", "AWAITING_APPROVAL", "AWAITING_APPROVAL")))
                .body("episode", equalTo(List.of(1, 2, 3))).body("regions", everyItem(equalTo(List.of("SG"))));
        tasksOf(localizer, drama).body("reason", equalTo(List.of()));

        // The localizer may not approve (not even someone else's work); a rejection without comment is refused.
        given().auth().oauth2(localizer).contentType("application/json").body(APPROVE).put(ALL, drama.id(), "zh-Hans")
                .then().statusCode(403);
        given().auth().oauth2(opsApac).contentType("application/json").body("{\"decision\":\"REJECTED\"}")
                .put(ALL, drama.id(), "zh-Hans").then().statusCode(422);

        // One bulk approval covers every episode: SG is ready, told once.
        long before = readinessRows(drama.id());
        bulk(opsApac, drama, "zh-Hans", APPROVE).statusCode(200).body("decided", equalTo(3)).body("unchanged", equalTo(0))
                .body("episodes.result", equalTo(List.of("DECIDED", "DECIDED", "DECIDED")))
                .body("episodes.approval.decidedBy", everyItem(equalTo("ops-apac")));
        awaitReadiness(drama, 1, record -> isReady(record, "SG", 1, true));
        assertThat(readinessRows(drama.id())).isEqualTo(before + 1);
        tasksOf(opsApac, drama).body("reason", equalTo(List.of()));

        // Rejecting episode 3: SG is not ready, and the localizer sees why in its queue.
        String why = "Cue 1 reads too formally for a romance; say it the way a friend would";
        decide(opsApac, drama, 3, "zh-Hans", "{\"decision\":\"REJECTED\",\"comment\":\"" + why + "\"}").statusCode(200)
                .body("approval.decision", equalTo("REJECTED")).body("approval.comment", equalTo(why));
        awaitReadiness(drama, 2, record -> isReady(record, "SG", 1, false));
        tasksOf(localizer, drama).body("episode", equalTo(List.of(3))).body("reason", equalTo(List.of("REJECTED")))
                .body("[0].comment", equalTo(why)).body("[0].rejectedBy", equalTo("ops-apac"))
                .body("[0].rejectedAt", notNullValue());

        // The localizer's new upload replaces the rejected revision: it waits for approval again (ops' queue).
        upload(localizer, drama, 3, "zh-Hans", VTT, Subtitles.vtt("早安。"));
        tasksOf(localizer, drama).body("reason", equalTo(List.of()));
        tasksOf(opsApac, drama).body("episode", equalTo(List.of(3))).body("reason", equalTo(List.of("AWAITING_APPROVAL")));
        long beforeSecond = readinessRows(drama.id());
        bulk(opsApac, drama, "zh-Hans", APPROVE).statusCode(200).body("decided", equalTo(1)).body("unchanged", equalTo(2))
                .body("episodes.result", equalTo(List.of("UNCHANGED", "UNCHANGED", "DECIDED")));
        awaitReadiness(drama, 2, record -> isReady(record, "SG", 1, true));
        assertThat(readinessRows(drama.id())).isEqualTo(beforeSecond + 1);
        // The same bulk again: nothing decided, no event. Malay needs no approval: ops of SG may not decide on it.
        bulk(opsApac, drama, "zh-Hans", APPROVE).statusCode(200).body("decided", equalTo(0)).body("unchanged", equalTo(3));
        bulk(opsApac, drama, "ms", APPROVE).statusCode(403);
        assertThat(readinessRows(drama.id())).isEqualTo(beforeSecond + 1);
        // The admin uploaded the Malay tracks: a bulk by the admin leaves them alone (four-eyes) and says so.
        bulk(admin, drama, "ms", APPROVE).statusCode(200).body("decided", equalTo(0))
                .body("episodes.result", everyItem(equalTo("OWN_UPLOAD")));
    }

    // --- helpers

    static void setPolicy(String region, String body) {
        given().auth().oauth2(userToken("admin")).contentType("application/json").body(body)
                .put("/api/v1/localization/policy/regions/{region}", region).then().statusCode(200);
    }

    static void upload(String token, PublishedDrama drama, int episode, String language, String contentType, byte[] body) {
        given().auth().oauth2(token).contentType(contentType).body(body).put(BY_ID, drama.id(), episode, language)
                .then().statusCode(anyOf(equalTo(200), equalTo(201))).body("verdict", equalTo("ACCEPTED"))
                .body("changed", equalTo(true));
    }

    static ValidatableResponse approve(String token, PublishedDrama drama, int episode, String language) {
        return decide(token, drama, episode, language, APPROVE);
    }

    static ValidatableResponse decide(String token, PublishedDrama drama, int episode, String language, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .put(ONE, drama.id(), episode, language).then();
    }

    static ValidatableResponse bulk(String token, PublishedDrama drama, String language, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).put(ALL, drama.id(), language).then();
    }

    static ValidatableResponse tracks(String token, PublishedDrama drama) {
        return given().auth().oauth2(token).get("/api/v1/localization/dramas/{id}/subtitles", drama.id()).then()
                .statusCode(200).rootPath("tracks");
    }

    /** Audit records of approvals of the drama still in (or relayed from) localization's outbox. */
    private static long approvalAudits(String dramaId) {
        return Stack.count("select count(*) from outbox_event where aggregateid = ? and type = ? and payload like ?",
                dramaId, CloudEventTypes.AUDIT_RECORDED, "%SUBTITLE_APPROVED%");
    }
}
