package io.microdrama.catalog;

import io.microdrama.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.microdrama.catalog.CatalogTestSupport.*;
import static io.microdrama.testing.Stack.allRecords;
import static io.microdrama.testing.Stack.awaitRecords;
import static io.microdrama.testing.Stack.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A studio publishing in bulk moves to catalog's bulk lane ({@code catalog.drama.bulk.v1}) while another studio's
 * publication stays on {@code catalog.drama.v1}; a drama's later events follow its first (issue 17, fairness). The
 * other catalog tests keep every studio on the interactive lane ({@code %test.catalog.bulk-lane.threshold}); this one
 * runs with a threshold of 3 publications within 5 seconds.
 */
@QuarkusTest
@TestProfile(PublicationLaneIT.SmallBurst.class)
class PublicationLaneIT {

    public static class SmallBurst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.bulk-lane.threshold", "3", "catalog.bulk-lane.window", "PT5S");
        }
    }

    @Test
    void aBurstTakesTheBulkLaneAndAnotherStudiosPublicationDoesNot() throws Exception {
        String sakura = registeredStudio("sakura");
        List<String> burst = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String externalId = uniqueId("burst");
            externalIds.add(externalId);
            burst.add(publish(sakura, externalId, "Burst " + i));
        }
        String lotus = registeredStudio("lotus");
        String single = publish(lotus, uniqueId("single"), "A single one");

        // Three publications within the window make the studio bulk: at least the last of six quick ones went there.
        String last = burst.get(burst.size() - 1);
        assertThat(lane(last)).isEqualTo("BULK");
        assertThat(awaitRecords(Topics.CATALOG_DRAMA_BULK, last, 1)).singleElement()
                .satisfies(r -> assertThat(header(r, "ce_type")).isEqualTo("io.microdrama.catalog.drama.published.v1"));
        assertThat(lane(single)).isEqualTo("INTERACTIVE");
        assertThat(awaitRecords(Topics.CATALOG_DRAMA, single, 1)).hasSize(1);

        // The bulk drama's withdrawal follows its publication on the bulk lane, whatever the studio does now.
        given().auth().oauth2(sakura).post("/api/v1/studio/dramas/{id}/withdraw", externalIds.get(externalIds.size() - 1))
                .then().statusCode(200);
        List<String> types = awaitRecords(Topics.CATALOG_DRAMA_BULK, last, 2).stream().map(r -> header(r, "ce_type")).toList();
        assertThat(types).containsExactly("io.microdrama.catalog.drama.published.v1",
                "io.microdrama.catalog.drama.withdrawn.v1");

        // Every drama's events are on its lane's topic only, each once.
        Set<String> ours = new HashSet<>(burst);
        ours.add(single);
        Map<String, Long> interactive = countByKey(allRecords(Topics.CATALOG_DRAMA, r -> ours.contains(r.key())));
        Map<String, Long> bulk = countByKey(allRecords(Topics.CATALOG_DRAMA_BULK, r -> ours.contains(r.key())));
        for (String dramaId : ours) {
            long expected = dramaId.equals(last) ? 2 : 1;
            boolean onBulk = "BULK".equals(lane(dramaId));
            assertThat(bulk.getOrDefault(dramaId, 0L)).as("%s on the bulk lane", dramaId).isEqualTo(onBulk ? expected : 0);
            assertThat(interactive.getOrDefault(dramaId, 0L)).as("%s on the interactive lane", dramaId)
                    .isEqualTo(onBulk ? 0 : expected);
        }
    }

    private static Map<String, Long> countByKey(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    private static String publish(String token, String externalId, String title) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(drama(title, 1, licence("GB", "2025-01-01T00:00:00Z", null), ""))
                .put("/api/v1/studio/dramas/{id}", externalId).then().statusCode(201);
        return given().auth().oauth2(token).post("/api/v1/studio/dramas/{id}/publish", externalId)
                .then().statusCode(200).extract().path("id");
    }

    private static String lane(String dramaId) throws Exception {
        try (Connection db = connection();
             PreparedStatement query = db.prepareStatement("select event_lane from drama where id = ?")) {
            query.setObject(1, UUID.fromString(dramaId));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("drama " + dramaId).isTrue();
                return row.getString(1);
            }
        }
    }
}
