package io.microdrama.localization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.CloudEventTypes;
import io.microdrama.contracts.Topics;
import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.devstack.DevStackTestResource;
import io.microdrama.localization.domain.LanguagePolicy;
import io.microdrama.localization.persistence.PolicyRepository;
import io.microdrama.localization.domain.SubtitleTasks;
import io.microdrama.localization.persistence.TrackRepository;
import io.microdrama.support.query.QueryPlans;
import io.microdrama.testing.Events.PublishedDrama;
import io.microdrama.testing.Events;
import io.microdrama.testing.KafkaProbe;
import io.microdrama.testing.Stack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.microdrama.testing.PlanCacheProbe.plansStoredByMoreRounds;
import static io.microdrama.testing.Stack.awaitRecords;
import static io.microdrama.testing.Stack.header;
import static io.microdrama.testing.Stack.send;
import static io.microdrama.testing.Stack.studioToken;
import static io.microdrama.testing.Stack.userToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * localization-service on real Kafka, PostgreSQL and Keycloak (devstack child processes): catalog's events are
 * produced to catalog.drama.v1 as catalog's relay does, tokens come from the realm, and what the service stored
 * and emitted is read back from its database and from localization.readiness.v1.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "localization"), @ResourceArg(name = "keycloak", value = "true") })
class LocalizationIT {

    @Inject
    PolicyRepository policies;

    @Inject
    TrackRepository tracks;

    @Inject
    Mutiny.SessionFactory sessions;

    /**
     * Planning takes the policy's shared lock for every drama: its plan is stored once, not once per drama, as a native
     * query whose row was read did (catalog's QueryPlanCacheIT has the why). The exclusive lock likewise.
     */
    @Test
    void thePolicyLocksReuseTheirPlans() throws Throwable {
        assertThat(plansStoredByMoreRounds(() -> QueryPlans.cached(sessions), this::lockBothWays))
                .as("plans stored by 30 more locks").isLessThan(5);
    }

    private void lockBothWays() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(policies::lockShared));
        VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(policies::lockExclusive));
    }

    /**
     * Every drama event needs the policy, so it is read from the database once per version and kept; a change is seen
     * by the next drama planned, because what is kept is used only while the database still has its version.
     */
    @Test
    void thePolicyIsReadOncePerVersionAndTheNextDramaAfterAChangeIsPlannedWithIt() throws Throwable {
        LanguagePolicy first = VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(policies::current));
        assertThat(VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(policies::current)))
                .as("the policy read again at the same version").isSameAs(first);
        String admin = userToken("admin");
        // Fiji has no entry and no group: English only until this change.
        given().auth().oauth2(admin).contentType("application/json").body("{\"languages\":[\"hi\",\"en\"]}")
                .put("/api/v1/localization/policy/regions/FJ").then().statusCode(200).body("changed", equalTo(true));
        try {
            LanguagePolicy changed = VertxContextSupport.subscribeAndAwait(() -> sessions.withTransaction(policies::current));
            assertThat(changed.version()).isGreaterThan(first.version());
            assertThat(changed.entries()).containsEntry("FJ", List.of("hi", "en"));

            PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
            publish(drama, 1, List.of(60), List.of("FJ"));
            JsonNode planned = payload(awaitReadiness(drama, 1, record -> isReady(record, "FJ", 1, false)).get(0));
            assertThat(texts(planned.get("requiredLanguages"))).containsExactly("hi");
        } finally {
            given().auth().oauth2(admin).delete("/api/v1/localization/policy/regions/FJ").then().statusCode(200);
        }
    }

    /**
     * The task list and the open languages are native SQL, kept out of the plan cache ({@link QueryPlans#UNCACHED});
     * before, each request stored one more plan. They still answer what they should, the count past the last page too.
     */
    @Test
    void theTaskListAndTheOpenLanguagesStoreNoPlanPerRequest() throws Throwable {
        PublishedDrama drama = Events.drama().studio("sakura").originalLanguage("ja");
        publish(drama, 1, List.of(60), List.of("KR"));
        awaitReadiness(drama, 1, record -> true);
        UUID dramaId = UUID.fromString(drama.id());
        assertThat(plansStoredByMoreRounds(() -> QueryPlans.cached(sessions), () -> askForTasks(dramaId)))
                .as("plans stored by 30 more task requests").isLessThan(5);
    }

    private void askForTasks(UUID dramaId) throws Throwable {
        SubtitleTasks.Scope everything = new SubtitleTasks.Scope(true, List.of(), List.of());
        SubtitleTasks.Page page = VertxContextSupport.subscribeAndAwait(() -> sessions.withSession(session ->
                tracks.tasks(session, everything, "ko", "KR", 0, 200)));
        assertThat(page.tasks()).extracting(SubtitleTasks.Task::dramaId).contains(dramaId);
        SubtitleTasks.Page pastTheEnd = VertxContextSupport.subscribeAndAwait(() -> sessions.withSession(session ->
                tracks.tasks(session, everything, "ko", "KR", 100_000, 10)));
        assertThat(pastTheEnd.tasks()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(page.total());
        assertThat(VertxContextSupport.subscribeAndAwait(() -> sessions.withSession(tracks::openRequiredLanguages)))
                .contains("ko");
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SRT = "application/x-subrip";
    static final String VTT = "text/vtt";

    @BeforeAll
    static void sendContentTypesAsGiven() {
        // RestAssured would append "; charset=ISO-8859-1" to text types, which the service rightly refuses.
        RestAssured.config = RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    }

    @Test
    void uploadingEveryRequiredTrackMakesTheRegionReadyAndTellsCatalog() throws Exception {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(90, 80), List.of("GB", "DE"));
        // English audio serves GB: ready at once. DE needs German for both episodes.
        List<ConsumerRecord<String, String>> first = awaitReadiness(drama, 2, record -> true);
        assertThat(first).extracting(record -> payload(record).get("region").asText()).containsExactlyInAnyOrder("GB", "DE");
        plan(drama, "DE").body("ready", equalTo(false)).body("missingLanguages", equalTo(List.of("de")));

        given().auth().oauth2(studioToken("aurora")).contentType(SRT).body(Subtitles.srt("Guten Morgen.", "Wie geht es dir?"))
                .put("/api/v1/studio/dramas/{external}/episodes/1/subtitles/de", drama.externalId())
                .then().statusCode(201).contentType("application/json")
                .body("verdict", equalTo("ACCEPTED")).body("revision", equalTo(1)).body("changed", equalTo(true))
                .body("report.verdict", equalTo("ACCEPTED")).body("report.language", equalTo("de"))
                .body("uploadedByRole", equalTo("studio"));
        // The identical body again: same answer, no new revision, no event.
        given().auth().oauth2(studioToken("aurora")).contentType(SRT).body(Subtitles.srt("Guten Morgen.", "Wie geht es dir?"))
                .put("/api/v1/studio/dramas/{external}/episodes/1/subtitles/de", drama.externalId())
                .then().statusCode(200).body("revision", equalTo(1)).body("changed", equalTo(false));
        plan(drama, "DE").body("ready", equalTo(false));
        assertThat(readinessRows(drama.id())).isEqualTo(2);

        given().auth().oauth2(userToken("admin")).contentType(VTT).body(Subtitles.vtt("Bis morgen.", "Schlaf gut."))
                .put("/api/v1/localization/dramas/{id}/episodes/2/subtitles/de", drama.id())
                .then().statusCode(201).body("verdict", equalTo("ACCEPTED")).body("uploadedByRole", equalTo("admin"));

        ConsumerRecord<String, String> ready = awaitReadiness(drama, 1,
                record -> payload(record).get("region").asText().equals("DE") && payload(record).get("ready").asBoolean()).get(0);
        assertThat(ready.key()).isEqualTo(drama.id());
        assertThat(header(ready, "ce_type")).isEqualTo(CloudEventTypes.READINESS_CHANGED);
        assertThat(header(ready, "ce_source")).isEqualTo(CloudEventTypes.SOURCE_LOCALIZATION);
        assertThat(header(ready, "ce_subject")).isEqualTo(drama.id());
        assertThat(header(ready, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(ready, "ce_id")).matches("[0-9a-f-]{36}");
        JsonNode event = payload(ready);
        assertThat(event.get("dramaId").asText()).isEqualTo(drama.id());
        assertThat(event.get("dramaVersion").asLong()).isEqualTo(1);
        assertThat(texts(event.get("requiredLanguages"))).containsExactly("de");
        assertThat(texts(event.get("missingLanguages"))).isEmpty();
        assertThat(texts(event.get("availableLanguages"))).containsExactly("de");
        assertThat(readinessRows(drama.id())).isEqualTo(3);
        plan(drama, "DE").body("ready", equalTo(true)).body("availableLanguages", equalTo(List.of("de")));
    }

    @Test
    void tracksAreDeliveredAsWebVttAndSrtAndOnTheStorefrontOnlyWherePlanned() {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(60), List.of("GB", "DE"));
        awaitReadiness(drama, 2, record -> true);
        given().auth().oauth2(studioToken("aurora")).contentType(SRT)
                .body(Subtitles.srt("<i>Guten Morgen</i> & willkommen.", "Wie geht es dir?"))
                .put("/api/v1/studio/dramas/{external}/episodes/1/subtitles/de", drama.externalId()).then().statusCode(201);

        String vtt = given().auth().oauth2(studioToken("aurora"))
                .get("/api/v1/studio/dramas/{external}/episodes/1/subtitles/de.vtt", drama.externalId())
                .then().statusCode(200).contentType("text/vtt;charset=utf-8").header("Cache-Control", "private, no-cache")
                .extract().asString();
        assertThat(vtt).startsWith("WEBVTT\n\n00:00:01.000 --> 00:00:03.500\n<i>Guten Morgen</i> &amp; willkommen.\n");
        String srt = given().auth().oauth2(studioToken("aurora")).accept(SRT)
                .get("/api/v1/localization/dramas/{id}/episodes/1/subtitles/de", drama.id())
                .then().statusCode(200).contentType("application/x-subrip;charset=utf-8").extract().asString();
        assertThat(srt).isEqualTo("1\n00:00:01,000 --> 00:00:03,500\n<i>Guten Morgen</i> & willkommen.\n\n"
                + "2\n00:00:04,000 --> 00:00:06,500\nWie geht es dir?\n\n");
        given().auth().oauth2(studioToken("aurora")).get("/api/v1/localization/dramas/{id}/episodes/1/subtitles/de.json", drama.id())
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("sourceFormat", equalTo("SRT"))
                .body("cues", equalTo(2)).body("report.verdict", equalTo("ACCEPTED"));

        Response storefront = given().get("/api/v1/storefront/DE/dramas/{id}/episodes/1/subtitles/de.vtt", drama.id());
        storefront.then().statusCode(200).contentType("text/vtt;charset=utf-8").header("Cache-Control", "public, max-age=300");
        assertThat(storefront.asString()).isEqualTo(vtt);
        String etag = storefront.header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/storefront/DE/dramas/{id}/episodes/1/subtitles/de.vtt", drama.id())
                .then().statusCode(304).header("ETag", etag);
        // GB's plan lists no German; FR is not licensed; no French track; no episode 2.
        given().get("/api/v1/storefront/GB/dramas/{id}/episodes/1/subtitles/de.vtt", drama.id()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/storefront/FR/dramas/{id}/episodes/1/subtitles/de.vtt", drama.id()).then().statusCode(404);
        given().get("/api/v1/storefront/DE/dramas/{id}/episodes/1/subtitles/fr.vtt", drama.id()).then().statusCode(404);
        given().get("/api/v1/storefront/DE/dramas/{id}/episodes/2/subtitles/de.vtt", drama.id()).then().statusCode(404);
        given().get("/api/v1/storefront/DE/dramas/{id}/episodes/1/subtitles/de.srt", drama.id()).then().statusCode(404);

        given().auth().oauth2(studioToken("aurora")).get("/api/v1/studio/dramas/{external}/subtitles", drama.externalId())
                .then().statusCode(200).body("episodes", equalTo(1)).body("tracks.language", equalTo(List.of("de")))
                .body("tracks[0].status", equalTo("ACCEPTED")).body("tracks[0].report", equalTo(null));
    }

    @Test
    void republishWithANewEpisodeTurnsAReadyRegionNotReadyAndAShorterEpisodeFailsItsTrack() {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(90, 80), List.of("GB", "DE"));
        awaitReadiness(drama, 2, record -> true);
        uploadGerman(drama, 1);
        uploadGerman(drama, 2);
        awaitReadiness(drama, 1, record -> isReady(record, "DE", 1, true));

        // Version 2 adds episode 3: DE has no German for it. Every licensed region hears about version 2.
        publish(drama, 2, List.of(90, 80, 70), List.of("GB", "DE"));
        JsonNode notReady = payload(awaitReadiness(drama, 1, record -> isReady(record, "DE", 2, false)).get(0));
        assertThat(texts(notReady.get("missingLanguages"))).containsExactly("de");
        assertThat(texts(notReady.get("availableLanguages"))).isEmpty();
        awaitReadiness(drama, 1, record -> isReady(record, "GB", 2, true));
        plan(drama, "DE").body("dramaVersion", equalTo(2)).body("ready", equalTo(false));
        uploadGerman(drama, 3);
        awaitReadiness(drama, 1, record -> isReady(record, "DE", 2, true));

        // Version 3 cuts episode 1 to 3 s: its second cue starts after the end, the track fails QC again.
        publish(drama, 3, List.of(3, 80, 70), List.of("GB", "DE"));
        awaitReadiness(drama, 1, record -> isReady(record, "DE", 3, false));
        given().auth().oauth2(studioToken("aurora")).get("/api/v1/localization/dramas/{id}/episodes/1/subtitles/de.json", drama.id())
                .then().statusCode(200).body("status", equalTo("QC_FAILED")).body("revision", equalTo(1))
                .body("report.findings.code", hasItem("CUE_AFTER_EPISODE_END"));
        assertThat(readinessRows(drama.id())).as("2 per version (3 versions) and 2 changes of DE").isEqualTo(8);
    }

    @Test
    void theSameEventTwicePlansOnceAndEmitsOnce() {
        PublishedDrama drama = Events.drama().studio("lotus").originalLanguage("ko");
        String eventId = UUID.randomUUID().toString();
        DramaPublished published = drama.episodeSeconds(List.of(60, 60)).licensedIn("JP", "KR", "US").at(1);
        send(published, eventId, Map.of());
        send(published, eventId, Map.of());
        // Same key, same partition: once version 2 is planned, both deliveries of version 1 were handled before it.
        publish(drama, 2, List.of(60, 60), List.of("JP", "KR", "US"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> plan(drama, "JP").body("dramaVersion", equalTo(2)));

        assertThat(Stack.count("select count(*) from region_plan where drama_id = ?::uuid", drama.id())).isEqualTo(3);
        assertThat(Stack.count("select count(*) from inbox_message where event_id = ?", eventId)).isEqualTo(1);
        assertThat(Stack.count("select count(*) from outbox_event where aggregateid = ? and payload like '%\"dramaVersion\":1,%'",
                drama.id())).as("one readiness per region for version 1").isEqualTo(3);
        assertThat(awaitReadiness(drama, 6, record -> true)).extracting(record -> payload(record).get("dramaVersion").asLong()
                + "/" + payload(record).get("region").asText())
                .containsExactlyInAnyOrder("1/JP", "1/KR", "1/US", "2/JP", "2/KR", "2/US");
        // Korean audio serves KR; JP needs ja and en, US en and es-419.
        plan(drama, "KR").body("requiredLanguages", equalTo(List.of("en"))).body("ready", equalTo(false));
        plan(drama, "JP").body("requiredLanguages", equalTo(List.of("ja", "en")));
    }

    /**
     * Events sent back to back arrive in one poll and are planned in one transaction: a drama's two versions in the
     * same poll leave the later plan, a withdrawal in it closes its drama, poison among them goes alone to the DLQ, and
     * the whole poll delivered again (the same event ids) plans and emits nothing more.
     */
    @Test
    void aPollIsPlannedOnceEvenWhenDeliveredAgainWholeAndItsPoisonAloneIsDeadLettered() {
        PublishedDrama first = Events.drama().studio("aurora").originalLanguage("en");
        PublishedDrama second = Events.drama().studio("aurora").originalLanguage("en");
        DramaPublished firstV1 = first.episodeSeconds(List.of(60, 60)).licensedIn("DE", "FR").at(1);
        DramaPublished secondV1 = second.episodeSeconds(List.of(60)).licensedIn("JP").at(1);
        DramaPublished firstV2 = first.episodeSeconds(List.of(60, 60)).licensedIn("DE", "GB").at(2);
        List<Object> poll = List.of(firstV1, secondV1, firstV2, second.withdrawnAt(2));
        List<String> ids = poll.stream().map(event -> UUID.randomUUID().toString()).toList();
        send(poll.get(0), ids.get(0), Map.of());
        String poisonId = Stack.sendRaw(Topics.CATALOG_DRAMA, first.id(), CloudEventTypes.DRAMA_PUBLISHED,
                CloudEventTypes.SOURCE_CATALOG, "{\"dramaId\":");
        for (int i = 1; i < poll.size(); i++) {
            send(poll.get(i), ids.get(i), Map.of());
        }
        ids.forEach(id -> await().atMost(Duration.ofSeconds(30)).until(() -> Stack.consumed(id)));

        for (int i = 0; i < poll.size(); i++) {
            send(poll.get(i), ids.get(i), Map.of());
        }
        // Same keys, same partitions: once these are consumed, the redelivered poll before them was handled.
        String firstAfter = send(first.episodeSeconds(List.of(60, 60)).licensedIn("DE", "GB").at(2));
        String secondAfter = send(second.withdrawnAt(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> Stack.consumed(firstAfter) && Stack.consumed(secondAfter));

        plan(first, "GB").body("dramaVersion", equalTo(2)).body("closed", equalTo(false));
        plan(first, "FR").body("closed", equalTo(true));
        plan(second, "JP").body("closed", equalTo(true));
        // Version 1 answered DE and FR, version 2 DE and GB; the second drama its one country before the withdrawal.
        assertThat(readinessRows(first.id())).isEqualTo(4);
        assertThat(readinessRows(second.id())).isEqualTo(1);
        awaitRecords(Topics.CATALOG_DRAMA + ".dlq.localization", record -> poisonId.equals(header(record, "ce_id")), 1);
    }

    /**
     * Catalog's bulk lane carries the same events, read by a consumer of its own: a publication there is planned and
     * answered on the bulk answer lane, and so is every later answer about that drama (an upload too), even when an
     * event of it comes on the other lane; a copy of an event already applied from the other lane changes nothing
     * (one inbox for both), and poison goes to the bulk lane's own dead-letter topic.
     */
    @Test
    void theBulkLaneIsPlannedAndAnsweredOnItsOwnLaneWithOneInboxAndItsOwnDeadLetters() {
        PublishedDrama drama = Events.drama().studio("sakura").originalLanguage("ja");
        String published = UUID.randomUUID().toString();
        Stack.sendOn(Topics.CATALOG_DRAMA_BULK, drama.episodeSeconds(List.of(60)).licensedIn("JP", "US").at(1), published);
        awaitReadiness(Topics.LOCALIZATION_READINESS_BULK, drama, 2, record -> true);
        plan(drama, "US").body("dramaVersion", equalTo(1)).body("requiredLanguages", equalTo(List.of("en", "es-419")));

        // A copy of it on the other lane, then version 2 there: same key, same partition, so once version 2 is
        // consumed the copy before it was handled.
        send(drama.episodeSeconds(List.of(60)).licensedIn("JP", "US").at(1), published, Map.of());
        String second = send(drama.episodeSeconds(List.of(60, 60)).licensedIn("JP", "US").at(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> Stack.consumed(second));
        assertThat(Stack.count("select count(*) from inbox_message where event_id = ?", published)).isEqualTo(1);
        assertThat(awaitReadiness(Topics.LOCALIZATION_READINESS_BULK, drama, 4, record -> true))
                .extracting(record -> payload(record).get("dramaVersion").asLong() + "/" + payload(record).get("region").asText())
                .containsExactlyInAnyOrder("1/JP", "1/US", "2/JP", "2/US");

        // An upload's answers take the drama's lane too.
        for (int episode = 1; episode <= 2; episode++) {
            given().auth().oauth2(studioToken("sakura")).contentType(SRT).body(Subtitles.srt("Good morning.", "How are you?"))
                    .put("/api/v1/studio/dramas/{external}/episodes/{episode}/subtitles/en", drama.externalId(), episode)
                    .then().statusCode(201).body("verdict", equalTo("ACCEPTED"));
        }
        awaitReadiness(Topics.LOCALIZATION_READINESS_BULK, drama, 1, record -> payload(record).get("region").asText().equals("US")
                && texts(payload(record).get("availableLanguages")).contains("en"));
        long answered = readinessRows(drama.id());
        assertThat(Stack.count("select count(*) from outbox_event where aggregateid = ? and topic <> ?", drama.id(),
                Topics.LOCALIZATION_READINESS_BULK)).as("answers of a bulk-lane drama on the interactive lane").isZero();

        String withdrawal = Stack.sendOn(Topics.CATALOG_DRAMA_BULK, drama.withdrawnAt(3), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> Stack.consumed(withdrawal));
        plan(drama, "US").body("closed", equalTo(true));
        assertThat(readinessRows(drama.id())).as("nothing more after the withdrawal, the copy ignored").isEqualTo(answered);

        String poisonId = Stack.sendRaw(Topics.CATALOG_DRAMA_BULK, drama.id(), CloudEventTypes.DRAMA_PUBLISHED,
                CloudEventTypes.SOURCE_CATALOG, "{\"dramaId\":");
        awaitRecords(Topics.deadLetter(Topics.CATALOG_DRAMA_BULK, "localization"),
                record -> poisonId.equals(header(record, "ce_id")), 1);
    }

    @Test
    void withdrawClosesThePlanRefusesUploadsAndEmitsNothingMore() {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(60), List.of("DE"));
        awaitReadiness(drama, 1, record -> true);
        uploadGerman(drama, 1);
        awaitReadiness(drama, 1, record -> isReady(record, "DE", 1, true));
        long emitted = readinessRows(drama.id());

        String withdrawal = UUID.randomUUID().toString();
        send(drama.withdrawnAt(1), withdrawal, Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> plan(drama, "DE").body("closed", equalTo(true)));

        given().auth().oauth2(studioToken("aurora")).contentType(SRT).body(Subtitles.srt("Noch einmal."))
                .put("/api/v1/studio/dramas/{external}/episodes/1/subtitles/de", drama.externalId())
                .then().statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/storefront/DE/dramas/{id}/episodes/1/subtitles/de.vtt", drama.id()).then().statusCode(404);
        given().auth().oauth2(userToken("admin")).queryParam("region", "DE").queryParam("size", 200)
                .get("/api/v1/localization/tasks").then().statusCode(200).body("items.dramaId", not(hasItem(drama.id())));
        // A late copy of version 1 (new event id) changes nothing: the withdrawal covers it.
        String late = UUID.randomUUID().toString();
        send(drama.episodeSeconds(List.of(60)).licensedIn("DE").at(1), late, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> Stack.consumed(late));
        plan(drama, "DE").body("closed", equalTo(true));
        assertThat(readinessRows(drama.id())).isEqualTo(emitted);
        assertThat(Stack.count("select revision from subtitle_track where drama_id = ?::uuid", drama.id())).isEqualTo(1);
    }

    @Test
    void aRefusedUploadStoresNothing() {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(60), List.of("DE"));
        awaitReadiness(drama, 1, record -> true);
        String path = "/api/v1/studio/dramas/{external}/episodes/{n}/subtitles/{language}";
        byte[] latin1 = "1\n00:00:01,000 --> 00:00:03,000\nGr\u00fc\u00dfe aus K\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] binary = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');

        refused(drama, path, 1, "de", SRT, latin1, 415, "INVALID_UTF8");
        refused(drama, path, 1, "de", SRT, binary, 415, "BINARY");
        refused(drama, path, 1, "de", SRT, tooLarge, 413, "TOO_LARGE");
        refused(drama, path, 1, "de", SRT, new byte[0], 400, "EMPTY");
        refused(drama, path, 1, "de", "text/plain", utf8("just some notes"), 415, "UNRECOGNIZED_FORMAT");
        refused(drama, path, 1, "de", VTT, Subtitles.srt("Hallo."), 415, "FORMAT_MISMATCH");
        refused(drama, path, 1, "de", "application/x-subrip; charset=ISO-8859-1", Subtitles.srt("Hallo."), 415, null);
        refused(drama, path, 1, "de", "image/png", binary, 415, null);
        refused(drama, path, 1, "not_a_language", SRT, Subtitles.srt("Hallo."), 400, null);
        refused(drama, path, 9, "de", SRT, Subtitles.srt("Hallo."), 404, null);
        given().auth().oauth2(studioToken("aurora")).contentType(SRT).body(Subtitles.srt("Hallo."))
                .put(path, "no-such-drama", 1, "de").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(userToken("admin")).contentType(SRT).body(Subtitles.srt("Hallo."))
                .put("/api/v1/localization/dramas/{id}/episodes/1/subtitles/de", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");

        assertThat(Stack.count("select count(*) from subtitle_track where drama_id = ?::uuid", drama.id())).isZero();
        assertThat(readinessRows(drama.id())).isEqualTo(1);
        given().auth().oauth2(studioToken("aurora")).get("/api/v1/studio/dramas/{external}/subtitles", drama.externalId())
                .then().statusCode(200).body("tracks", equalTo(List.of()));
    }

    @Test
    void aTrackThatFailsQcIsStoredForTheLocalizerButDoesNotCount() {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(20), List.of("DE"));
        awaitReadiness(drama, 1, record -> true);
        // Cue 2 overlaps cue 1; cue 3 starts after the 20 s episode has ended.
        byte[] broken = utf8("""
                1
                00:00:01,000 --> 00:00:04,000
                Guten Morgen.

                2
                00:00:03,000 --> 00:00:05,000
                Wie geht es dir?

                3
                00:00:21,000 --> 00:00:23,000
                Zu spät.
                """);
        given().auth().oauth2(studioToken("aurora")).contentType(SRT).body(broken)
                .put("/api/v1/studio/dramas/{external}/episodes/1/subtitles/de", drama.externalId())
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422)).body("verdict", equalTo("QC_FAILED")).body("revision", equalTo(1))
                .body("report.findings.code", hasItem("CUE_OVERLAP"))
                .body("report.findings.code", hasItem("CUE_AFTER_EPISODE_END"))
                .body("report.findings.find { it.code == 'CUE_AFTER_EPISODE_END' }.cueNumber", equalTo(3))
                .body("report.findings.find { it.code == 'CUE_AFTER_EPISODE_END' }.startMs", equalTo(21000));

        given().auth().oauth2(studioToken("aurora")).get("/api/v1/studio/dramas/{external}/subtitles", drama.externalId())
                .then().statusCode(200).body("tracks[0].status", equalTo("QC_FAILED"));
        given().auth().oauth2(userToken("ops-eu")).queryParam("region", "DE").queryParam("size", 200)
                .get("/api/v1/localization/tasks").then().statusCode(200)
                .body("items.find { it.dramaId == '" + drama.id() + "' }.reason", equalTo("QC_FAILED"))
                .body("items.find { it.dramaId == '" + drama.id() + "' }.errorCount", equalTo(2));
        plan(drama, "DE").body("ready", equalTo(false)).body("missingLanguages", equalTo(List.of("de")));
        given().get("/api/v1/storefront/DE/dramas/{id}/episodes/1/subtitles/de.vtt", drama.id()).then().statusCode(404);
        assertThat(readinessRows(drama.id())).isEqualTo(1);

        // The fixed file replaces it as revision 2 and completes DE.
        uploadGerman(drama, 1);
        awaitReadiness(drama, 1, record -> isReady(record, "DE", 1, true));
        assertThat(Stack.count("select revision from subtitle_track where drama_id = ?::uuid", drama.id())).isEqualTo(2);
    }

    @Test
    void everyCallerSeesOnlyWhatItsTokenAllows() {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(60), List.of("DE", "JP", "SA"));
        awaitReadiness(drama, 3, record -> true);
        String byId = "/api/v1/localization/dramas/{id}/episodes/1/subtitles/{language}";
        String byExternalId = "/api/v1/studio/dramas/{external}/episodes/1/subtitles/{language}";

        // Tasks (DE needs de, JP ja, SA ar): localizers see their languages, ops their regions, admins all.
        tasksOf(userToken("localizer-cjk"), drama).body("language", equalTo(List.of("ja")));
        tasksOf(userToken("localizer-rtl"), drama).body("language", equalTo(List.of("ar")));
        tasksOf(userToken("ops-apac"), drama).body("language", equalTo(List.of("ja"))).body("regions[0]", equalTo(List.of("JP")));
        tasksOf(userToken("ops-eu"), drama).body("language", equalTo(List.of("de")));
        tasksOf(userToken("ops-na"), drama).body("language", equalTo(List.of()));
        tasksOf(userToken("admin"), drama).body("language", equalTo(List.of("ar", "de", "ja")));
        given().auth().oauth2(userToken("localizer-cjk")).queryParam("language", "ar").get("/api/v1/localization/tasks")
                .then().statusCode(403);
        given().auth().oauth2(userToken("ops-eu")).queryParam("region", "JP").get("/api/v1/localization/tasks").then().statusCode(403);
        given().auth().oauth2(studioToken("aurora")).get("/api/v1/localization/tasks").then().statusCode(403);

        // Anonymous: nothing but the storefront.
        given().contentType(SRT).body(Subtitles.srt("Hallo.")).put(byId, drama.id(), "de").then().statusCode(401)
                .contentType("application/problem+json");
        given().get(byId, drama.id(), "de").then().statusCode(401);
        given().get("/api/v1/localization/tasks").then().statusCode(401);
        given().get("/api/v1/localization/dramas/{id}/subtitles", drama.id()).then().statusCode(401);

        // Studios: their own dramas only; another studio's drama does not exist for them.
        given().auth().oauth2(studioToken("aurora")).contentType(SRT).body(Subtitles.srt("Hallo.")).put(byExternalId, drama.externalId(), "de")
                .then().statusCode(201);
        given().auth().oauth2(studioToken("lotus")).contentType(SRT).body(Subtitles.srt("Hallo.")).put(byExternalId, drama.externalId(), "de")
                .then().statusCode(404);
        given().auth().oauth2(studioToken("lotus")).contentType(SRT).body(Subtitles.srt("Hallo.")).put(byId, drama.id(), "de")
                .then().statusCode(404);
        given().auth().oauth2(studioToken("lotus")).get(byId, drama.id(), "de").then().statusCode(404);
        given().auth().oauth2(studioToken("lotus")).get("/api/v1/localization/dramas/{id}/subtitles", drama.id()).then().statusCode(404);

        // Localizers: their languages, on any drama.
        given().auth().oauth2(userToken("localizer-cjk")).contentType(VTT).body(Subtitles.vtt("おはよう。")).put(byId, drama.id(), "ja")
                .then().statusCode(201).body("uploadedByRole", equalTo("localizer")).body("verdict", equalTo("ACCEPTED"));
        given().auth().oauth2(userToken("localizer-cjk")).contentType(VTT).body(Subtitles.vtt("صباح الخير.")).put(byId, drama.id(), "ar")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(userToken("localizer-rtl")).contentType(VTT).body(Subtitles.vtt("صباح الخير.")).put(byId, drama.id(), "ar")
                .then().statusCode(201).body("verdict", equalTo("ACCEPTED"));
        given().auth().oauth2(userToken("localizer-cjk")).get(byId, drama.id(), "ja").then().statusCode(200);
        given().auth().oauth2(userToken("localizer-cjk")).get(byId, drama.id(), "de").then().statusCode(403);
        given().auth().oauth2(userToken("localizer-cjk")).get("/api/v1/localization/dramas/{id}/subtitles", drama.id())
                .then().statusCode(200).body("tracks.language", equalTo(List.of("ja")));
        given().auth().oauth2(userToken("localizer-cjk")).contentType(VTT).body(Subtitles.vtt("おはよう。"))
                .put(byExternalId, drama.externalId(), "ja").then().statusCode(403);

        // Ops: read the dramas planned in their regions, never upload.
        given().auth().oauth2(userToken("ops-eu")).get(byId, drama.id(), "ar").then().statusCode(200);
        given().auth().oauth2(userToken("ops-apac")).get(byId, drama.id(), "de").then().statusCode(200);
        given().auth().oauth2(userToken("ops-na")).get(byId, drama.id(), "de").then().statusCode(404);
        given().auth().oauth2(userToken("ops-na")).get("/api/v1/localization/dramas/{id}/subtitles", drama.id()).then().statusCode(404);
        given().auth().oauth2(userToken("ops-eu")).get("/api/v1/localization/dramas/{id}/subtitles", drama.id()).then().statusCode(200)
                .body("tracks.language", equalTo(List.of("ar", "de", "ja")));
        given().auth().oauth2(userToken("ops-eu")).contentType(SRT).body(Subtitles.srt("Hallo.")).put(byId, drama.id(), "de")
                .then().statusCode(403);

        // Admin: everything.
        given().auth().oauth2(userToken("admin")).contentType(SRT).body(Subtitles.srt("Good morning."))
                .put(byId, drama.id(), "en").then().statusCode(201).body("uploadedByRole", equalTo("admin"));
        given().auth().oauth2(userToken("admin")).get("/api/v1/localization/policy").then().statusCode(200);
        given().auth().oauth2(userToken("ops-eu")).get("/api/v1/localization/policy").then().statusCode(403);
        given().auth().oauth2(studioToken("aurora")).get("/api/v1/localization/policy").then().statusCode(403);


        // Nothing is missing any more, for anyone.
        tasksOf(userToken("admin"), drama).body("language", equalTo(List.of()));
    }

    @Test
    void tasksListMissingAndFailedEpisodesPerLanguageAndArePaged() {
        PublishedDrama drama = Events.drama().studio("sakura").originalLanguage("ja");
        publish(drama, 1, List.of(60, 60, 60), List.of("KR", "TW", "HK"));
        awaitReadiness(drama, 3, record -> true);
        given().auth().oauth2(userToken("localizer-cjk")).contentType(VTT).body(Subtitles.vtt("좋은 아침."))
                .put("/api/v1/localization/dramas/{id}/episodes/2/subtitles/ko", drama.id()).then().statusCode(201);

        // ko for episodes 1 and 3 (KR); zh-Hant for 1..3 (TW and HK); en for 1..3 (all three regions).
        tasksOf(userToken("localizer-cjk"), drama)
                .body("language", equalTo(List.of("ko", "ko", "zh-Hant", "zh-Hant", "zh-Hant")))
                .body("episode", equalTo(List.of(1, 3, 1, 2, 3)))
                .body("find { it.language == 'zh-Hant' }.regions", equalTo(List.of("HK", "TW")))
                .body("reason", everyItem(equalTo("MISSING")));
        given().auth().oauth2(userToken("admin")).queryParam("region", "KR").queryParam("language", "en").queryParam("size", 200)
                .get("/api/v1/localization/tasks").then().statusCode(200)
                .body("items.findAll { it.dramaId == '" + drama.id() + "' }.episode", equalTo(List.of(1, 2, 3)));
        given().auth().oauth2(userToken("admin")).queryParam("size", 1).queryParam("page", 0).get("/api/v1/localization/tasks")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("total", greaterThanOrEqualTo(8));
        given().auth().oauth2(userToken("admin")).queryParam("size", 201).get("/api/v1/localization/tasks").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(userToken("admin")).queryParam("region", "Narnia").get("/api/v1/localization/tasks").then().statusCode(400);
        given().auth().oauth2(userToken("admin")).queryParam("page", 100000).get("/api/v1/localization/tasks").then().statusCode(200)
                .body("items", equalTo(List.of())).body("total", greaterThanOrEqualTo(8));
    }

    @Test
    void anAdminPolicyChangeReplansOpenPlansAndEmitsWhereTheResultChanged() {
        // Iceland has no entry and no group: English only, which an English drama's audio serves.
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(60), List.of("IS", "DE"));
        awaitReadiness(drama, 1, record -> isReady(record, "IS", 1, true));
        String admin = userToken("admin");
        long before = given().auth().oauth2(admin).get("/api/v1/localization/policy").then().statusCode(200)
                .body("entries.region", hasItem("LATAM")).extract().jsonPath().getLong("version");
        given().auth().oauth2(admin).get("/api/v1/localization/policy/regions/IS").then().statusCode(200)
                .body("languages", equalTo(List.of("en"))).body("source", equalTo("default"));
        given().auth().oauth2(admin).get("/api/v1/localization/policy/regions/CY").then().statusCode(200)
                .body("source", equalTo("EU"));

        given().auth().oauth2(admin).contentType("application/json").header("If-Match", "\"" + before + "\"")
                .body("{\"languages\":[\"is\",\"en\"]}").put("/api/v1/localization/policy/regions/IS")
                .then().statusCode(200).header("ETag", "\"" + (before + 1) + "\"")
                .body("version", equalTo((int) before + 1)).body("changed", equalTo(true))
                .body("plansReplanned", greaterThanOrEqualTo(1)).body("readinessEvents", greaterThanOrEqualTo(1));
        JsonNode notReady = payload(awaitReadiness(drama, 1, record -> isReady(record, "IS", 1, false)).get(0));
        assertThat(texts(notReady.get("requiredLanguages"))).containsExactly("is");
        plan(drama, "DE").body("requiredLanguages", equalTo(List.of("de")));

        // The old version in If-Match is refused; the same languages again change nothing.
        given().auth().oauth2(admin).contentType("application/json").header("If-Match", "\"" + before + "\"")
                .body("{\"languages\":[\"en\"]}").put("/api/v1/localization/policy/regions/IS").then().statusCode(412);
        given().auth().oauth2(admin).contentType("application/json").body("{\"languages\":[\"is\",\"en\"]}")
                .put("/api/v1/localization/policy/regions/IS").then().statusCode(200).body("changed", equalTo(false));
        given().auth().oauth2(admin).contentType("application/json").body("{\"languages\":[\"xx_YY\",\"en\",\"en\"]}")
                .put("/api/v1/localization/policy/regions/IS").then().statusCode(422).contentType("application/problem+json")
                .body("errors.size()", equalTo(2));
        given().auth().oauth2(admin).contentType("application/json").body("{\"languages\":[\"en\"]}")
                .put("/api/v1/localization/policy/regions/ZZ").then().statusCode(422);

        // Removing the entry: Iceland is back to English, ready again.
        given().auth().oauth2(admin).delete("/api/v1/localization/policy/regions/IS").then().statusCode(200)
                .body("languages", equalTo(List.of("en")));
        awaitReadiness(drama, 2, record -> isReady(record, "IS", 1, true) && payload(record).get("requiredLanguages").isEmpty());
        given().auth().oauth2(admin).get("/api/v1/localization/policy/changes").then().statusCode(200)
                .body("[0].region", equalTo("IS")).body("[0].languages", equalTo(null))
                .body("[1].languages", equalTo(List.of("is", "en"))).body("[1].changedBy", equalTo("admin"));
    }

    /**
     * Random and mutated uploads (bodies, content types, language segments, episode numbers) through the real HTTP
     * stack: every answer is a 2xx, 4xx or 422 with a body, never a 5xx. Seeded, so a failure can be replayed.
     */
    @Test
    void randomAndMutatedUploadsNeverCauseAServerError() {
        PublishedDrama drama = Events.drama().studio("aurora").originalLanguage("en");
        publish(drama, 1, List.of(30, 30), List.of("DE", "SA"));
        awaitReadiness(drama, 2, record -> true);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        java.util.Random random = new java.util.Random(seed);
        List<byte[]> valid = List.of(Subtitles.srt("Guten Morgen.", "Wie geht es dir?"), Subtitles.vtt("صباح الخير.", "مرحبا"),
                utf8("WEBVTT\n\nNOTE x\n\nSTYLE\n::cue { color: red }\n\nid\n00:01.000 --> 00:02.000 align:left size:50%\n<v Bob>Hi</v>\n"));
        List<String> contentTypes = List.of(SRT, VTT, "text/plain", "application/octet-stream", "text/vtt; charset=utf-8",
                "application/json", "text/vtt; charset=latin1", "multipart/form-data; boundary=x");
        List<String> languages = List.of("de", "DE", "ar", "zh-hant", "x-klingon", "und", "de.vtt", "de.json", "de.srt.vtt",
                "..", "a".repeat(60), "de;x=1", "日本語", "de-", "-", "en-GB-oxendict", "es-419.srt");
        List<String> episodes = List.of("1", "2", "0", "-1", "3", "99999999999", "1.5", "x");
        for (int i = 0; i < 80; i++) {
            byte[] body = switch (random.nextInt(4)) {
                case 0 -> randomBytes(random, random.nextInt(2000));
                case 1 -> utf8(randomText(random, random.nextInt(500)));
                default -> mutate(random, valid.get(random.nextInt(valid.size())));
            };
            String language = languages.get(random.nextInt(languages.size()));
            String episode = episodes.get(random.nextInt(episodes.size()));
            int status = given().auth().oauth2(studioToken("aurora")).contentType(contentTypes.get(random.nextInt(contentTypes.size())))
                    .body(body).put("/api/v1/localization/dramas/{id}/episodes/{n}/subtitles/{language}", drama.id(), episode, language)
                    .then().extract().statusCode();
            assertThat(status).as("upload %d of seed %d (-Dfuzz.seed=%d): %s episode %s", i, seed, seed, language, episode)
                    .isBetween(200, 499);
        }
    }

    // --- helpers

    static void uploadGerman(PublishedDrama drama, int episode) {
        given().auth().oauth2(studioToken(drama.studioId())).contentType(SRT).body(Subtitles.srt("Guten Morgen.", "Bis bald, Liebling."))
                .put("/api/v1/studio/dramas/{external}/episodes/{n}/subtitles/de", drama.externalId(), episode)
                .then().statusCode(anyOf(equalTo(200), equalTo(201))).body("verdict", equalTo("ACCEPTED"));
    }

    static void refused(PublishedDrama drama, String path, int episode, String language, String contentType, byte[] body,
            int status, String reason) {
        var answer = given().auth().oauth2(studioToken(drama.studioId())).contentType(contentType).body(body)
                .put(path, drama.externalId(), episode, language)
                .then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (reason != null) {
            answer.body("errors.message", hasItem(reason));
        }
    }

    static boolean isReady(ConsumerRecord<String, String> record, String region, long version, boolean ready) {
        JsonNode event = payload(record);
        return event.get("region").asText().equals(region) && event.get("dramaVersion").asLong() == version
                && event.get("ready").asBoolean() == ready;
    }

    /** The caller's open tasks of one drama (first page of 200 is enough: each test uses its own drama). */
    static io.restassured.response.ValidatableResponse tasksOf(String token, PublishedDrama drama) {
        return given().auth().oauth2(token).queryParam("size", 200).get("/api/v1/localization/tasks").then().statusCode(200)
                .rootPath("items.findAll { it.dramaId == '" + drama.id() + "' }");
    }

    static byte[] randomBytes(java.util.Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Code points from every plane, surrogates and controls included (encoded as UTF-8, lone surrogates as '?'). */
    static String randomText(java.util.Random random, int length) {
        String syntax = "WEBVT-> :.,0123456789\n\r<>&";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            out.appendCodePoint(pick < 3 ? syntax.charAt(random.nextInt(syntax.length()))
                    : pick < 9 ? random.nextInt(0x3000) : random.nextInt(0x10FFFF));
        }
        return out.toString();
    }

    /** Byte flips, deletions, duplications and truncation of a valid file. */
    static byte[] mutate(java.util.Random random, byte[] valid) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < valid.length; i++) {
            int roll = random.nextInt(100);
            if (roll < 3) {
                out.write(random.nextInt(256));
            } else if (roll < 5) {
                continue;
            } else if (roll < 7) {
                out.write(valid, i, Math.min(valid.length - i, 1 + random.nextInt(40)));
            }
            out.write(valid[i]);
        }
        byte[] mutated = out.toByteArray();
        return random.nextInt(5) == 0 ? java.util.Arrays.copyOf(mutated, random.nextInt(mutated.length + 1)) : mutated;
    }

    static void publish(PublishedDrama drama, long version, List<Integer> episodeSeconds, List<String> regions) {
        send(drama.episodeSeconds(episodeSeconds).licensedIn(regions).at(version));
    }

    static List<ConsumerRecord<String, String>> awaitReadiness(PublishedDrama drama, int count,
            java.util.function.Predicate<ConsumerRecord<String, String>> filter) {
        return awaitReadiness(Topics.LOCALIZATION_READINESS, drama, count, filter);
    }

    static List<ConsumerRecord<String, String>> awaitReadiness(String topic, PublishedDrama drama, int count,
            java.util.function.Predicate<ConsumerRecord<String, String>> filter) {
        return awaitRecords(topic, KafkaProbe.keyed(drama.id()).and(filter), count);
    }

    /** The plan of one region as the owning studio reads it, once it exists. */
    static io.restassured.response.ValidatableResponse plan(PublishedDrama drama, String region) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(studioToken(drama.studioId()))
                .get("/api/v1/localization/dramas/{id}/plan", drama.id()).then().statusCode(200)
                .body("regions.region", hasItem(region)));
        return given().auth().oauth2(studioToken(drama.studioId())).get("/api/v1/localization/dramas/{id}/plan", drama.id())
                .then().statusCode(200).rootPath("regions.find { it.region == '" + region + "' }");
    }

    /** Readiness events the service appended to its outbox for a drama (sent or not). */
    static long readinessRows(String dramaId) {
        return Stack.count("select count(*) from outbox_event where aggregateid = ? and type = ?", dramaId,
                CloudEventTypes.READINESS_CHANGED);
    }

    static JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
