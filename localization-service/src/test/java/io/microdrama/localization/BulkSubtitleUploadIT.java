package io.microdrama.localization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microdrama.devstack.DevStackTestResource;
import io.microdrama.testing.Events;
import io.microdrama.testing.Events.PublishedDrama;
import io.microdrama.testing.Stack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.microdrama.localization.LocalizationIT.awaitReadiness;
import static io.microdrama.localization.LocalizationIT.isReady;
import static io.microdrama.localization.LocalizationIT.payload;
import static io.microdrama.localization.LocalizationIT.plan;
import static io.microdrama.localization.LocalizationIT.publish;
import static io.microdrama.localization.LocalizationIT.readinessRows;
import static io.microdrama.localization.LocalizationIT.texts;
import static io.microdrama.testing.Stack.studioToken;
import static io.microdrama.testing.Stack.userToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The studios' bulk subtitle upload (every episode of one drama in one language, one request) on real Kafka,
 * PostgreSQL and Keycloak, as {@link LocalizationIT}: one result per file, the same QC, access and idempotency as
 * the single upload, and readiness events only where the result changed.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "localization"), @ResourceArg(name = "keycloak", value = "true") })
class BulkSubtitleUploadIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BULK = "/api/v1/studio/dramas/{external}/subtitles/{language}";

    @BeforeAll
    static void sendContentTypesAsGiven() {
        LocalizationIT.sendContentTypesAsGiven();
    }

    @Test
    void mixedFilesGetOneResultEachAndARepeatChangesNothing() {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        // Episode 2 lasts 5 s: a track whose third cue starts at 7 s fails QC there.
        publish(drama, 1, List.of(90, 5, 80), List.of("GB", "DE"));
        awaitReadiness(drama, 2, record -> true);

        ObjectNode mixed = files(
                file(1, "SRT", Subtitles.srt("Guten Morgen.", "Wie geht es dir?")),
                file(2, "SRT", Subtitles.srt("Zu spät.", "Viel zu spät.", "Vorbei.")),
                file(3, null, "just some notes".getBytes(StandardCharsets.UTF_8)),
                file(9, "WEBVTT", Subtitles.vtt("Hallo.")));
        bulk("aurora", drama, "de", mixed).statusCode(200).contentType("application/json")
                .body("dramaId", equalTo(drama.id())).body("language", equalTo("de"))
                .body("stored", equalTo(1)).body("qcFailed", equalTo(1)).body("refused", equalTo(2)).body("unchanged", equalTo(0))
                .body("files.episode", equalTo(List.of(1, 2, 3, 9)))
                .body("files.result", equalTo(List.of("STORED", "QC_FAILED", "REFUSED", "REFUSED")))
                .body("files[0].verdict", equalTo("ACCEPTED")).body("files[0].revision", equalTo(1))
                .body("files[0].created", equalTo(true)).body("files[0].report.verdict", equalTo("ACCEPTED"))
                .body("files[1].verdict", equalTo("QC_FAILED"))
                .body("files[1].report.findings.code", hasItem("CUE_AFTER_EPISODE_END"))
                .body("files[2].problem.status", equalTo(415))
                .body("files[2].problem.errors.message", hasItem("UNRECOGNIZED_FORMAT"))
                .body("files[3].problem.status", equalTo(404));
        // As the single upload: the QC-failed track is stored (readable with its findings), the refused ones are not.
        assertThat(Stack.count("select count(*) from subtitle_track where drama_id = ?::uuid", drama.id())).isEqualTo(2);
        given().auth().oauth2(studioToken("aurora"))
                .get("/api/v1/studio/dramas/{external}/episodes/2/subtitles/de.json", drama.externalId())
                .then().statusCode(200).body("status", equalTo("QC_FAILED"));
        plan(drama, "DE").body("ready", equalTo(false));
        assertThat(readinessRows(drama.id())).as("nothing changed for DE yet").isEqualTo(2);

        // Episode 2 fixed, episode 3 readable: DE becomes ready, told once; episode 1 is byte-identical, unchanged.
        ObjectNode complete = files(
                file(1, "SRT", Subtitles.srt("Guten Morgen.", "Wie geht es dir?")),
                file(2, "WEBVTT", Subtitles.vtt("Zu spät.")),
                file(3, "SRT", Subtitles.srt("Bis morgen.")));
        bulk("aurora", drama, "de", complete).statusCode(200)
                .body("files.result", equalTo(List.of("UNCHANGED", "STORED", "STORED")))
                .body("files[0].revision", equalTo(1)).body("files[0].created", equalTo(false))
                .body("files[0].report", equalTo(null))
                .body("files[1].revision", equalTo(2)).body("files[1].created", equalTo(false))
                .body("files[2].created", equalTo(true));
        ConsumerRecord<String, String> ready = awaitReadiness(drama, 1, record -> isReady(record, "DE", 1, true)).get(0);
        JsonNode event = payload(ready);
        assertThat(texts(event.get("missingLanguages"))).isEmpty();
        assertThat(texts(event.get("availableLanguages"))).containsExactly("de");
        assertThat(readinessRows(drama.id())).as("one event: DE became ready").isEqualTo(3);

        // The same request again: every file unchanged, no new revision, no event.
        bulk("aurora", drama, "de", complete).statusCode(200)
                .body("unchanged", equalTo(3)).body("stored", equalTo(0))
                .body("files.result", equalTo(List.of("UNCHANGED", "UNCHANGED", "UNCHANGED")))
                .body("files.revision", equalTo(List.of(1, 2, 1)));
        assertThat(readinessRows(drama.id())).isEqualTo(3);
        // And a single upload of the same bytes agrees: unchanged.
        given().auth().oauth2(studioToken("aurora")).contentType("application/x-subrip").body(Subtitles.srt("Bis morgen."))
                .put("/api/v1/studio/dramas/{external}/episodes/3/subtitles/de", drama.externalId())
                .then().statusCode(200).body("changed", equalTo(false)).body("revision", equalTo(1));
        plan(drama, "DE").body("ready", equalTo(true));
    }

    @Test
    void anotherStudiosDramaDoesNotExistAndOtherRolesMayNotUseIt() {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(60), List.of("DE"));
        awaitReadiness(drama, 1, record -> true);
        ObjectNode one = files(file(1, "SRT", Subtitles.srt("Hallo.")));

        bulk("lotus", drama, "de", one).statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(userToken("localizer-cjk")).contentType("application/json").body(one.toString())
                .post(BULK, drama.externalId(), "ja").then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body(one.toString()).post(BULK, drama.externalId(), "de")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(Stack.count("select count(*) from subtitle_track where drama_id = ?::uuid", drama.id())).isZero();
        assertThat(readinessRows(drama.id())).isEqualTo(1);
    }

    @Test
    void aRequestRefusedAsAWholeStoresNothing() {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(60, 60), List.of("DE"));
        awaitReadiness(drama, 1, record -> true);

        // Over SUBTITLE_BULK_MAX_BYTES (2 MiB by default): 413 before anything is read.
        String big = "1\n00:00:01,000 --> 00:00:03,000\n" + "Hallo ".repeat(2 * 1024 * 1024 / 6) + "\n";
        bulk("aurora", drama, "de", files(file(1, "SRT", big.getBytes(StandardCharsets.UTF_8)))).statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
        // An episode twice, an episode 0, an unknown format, a file without content: 422 naming each.
        bulk("aurora", drama, "de", files(file(1, "SRT", Subtitles.srt("Hallo.")), file(1, "SRT", Subtitles.srt("Hallo!")),
                file(2, "SRT", Subtitles.srt("Tschüss.")))).statusCode(422)
                .body("errors.field", equalTo(List.of("files[1].episode")));
        ObjectNode invalid = files(file(0, "SRT", Subtitles.srt("Hallo.")), file(2, "DOCX", Subtitles.srt("Hallo.")));
        ((ArrayNode) invalid.get("files")).addObject().put("episode", 2);
        bulk("aurora", drama, "de", invalid).statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("files[0].episode", "files[1].format", "files[2].content")));
        bulk("aurora", drama, "de", files()).statusCode(422);
        given().auth().oauth2(studioToken("aurora")).contentType("application/json").body("{\"files\": [")
                .post(BULK, drama.externalId(), "de").then().statusCode(400).contentType("application/problem+json");
        bulk("aurora", drama, "not_a_language", files(file(1, "SRT", Subtitles.srt("Hallo.")))).statusCode(400);

        assertThat(Stack.count("select count(*) from subtitle_track where drama_id = ?::uuid", drama.id())).isZero();
        assertThat(readinessRows(drama.id())).isEqualTo(1);
    }

    // --- helpers

    static ValidatableResponse bulk(String studio, PublishedDrama drama, String language, ObjectNode body) {
        return given().auth().oauth2(studioToken(studio)).contentType("application/json").body(body.toString())
                .post(BULK, drama.externalId(), language).then();
    }

    static ObjectNode files(ObjectNode... files) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("files");
        for (ObjectNode file : files) {
            list.add(file);
        }
        return body;
    }

    static ObjectNode file(int episode, String format, byte[] content) {
        ObjectNode file = JSON.createObjectNode().put("episode", episode);
        if (format != null) {
            file.put("format", format);
        }
        return file.put("content", new String(content, StandardCharsets.UTF_8));
    }
}
