package io.microdrama.catalog;

import io.microdrama.catalog.domain.Licence;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.domain.RolloutState;
import io.microdrama.catalog.persistence.RolloutStateSql;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static io.microdrama.catalog.CatalogTestSupport.database;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board filters in SQL ({@link RolloutStateSql}) must agree with the domain's {@code stateAt} and
 * {@code blockers} on every combination of facts. Random rows are written to PostgreSQL under a fresh drama id and
 * region, then every state and blocker filter is compared with the domain's answer row by row.
 */
@QuarkusTest
class RolloutStateSqlIT {

    @Test
    void sqlFiltersSayWhatTheDomainSays() throws Exception {
        Random random = new Random(20261124);
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        String region = "NZ";
        List<RegionalRollout> rows = new ArrayList<>();
        try (Connection db = database()) {
            db.createStatement().execute("insert into studio (id, name, active, registered_by, registered_at, updated_at) "
                    + "values ('sql-check', 'sql check', true, 'test', now(), now()) on conflict do nothing");
            for (int i = 0; i < 400; i++) {
                RegionalRollout row = randomRow(random, now, region);
                insert(db, row);
                rows.add(row);
            }
            Set<UUID> ours = new HashSet<>(rows.stream().map(r -> r.key.dramaId()).toList());
            for (RolloutState state : RolloutState.values()) {
                if (state == RolloutState.NOT_LICENSED) {
                    continue;
                }
                Set<UUID> expected = ids(rows.stream().filter(r -> r.stateAt(now) == state).toList());
                assertThat(select(db, RolloutStateSql.state(state), region, now, ours)).as(state.name()).isEqualTo(expected);
            }
            for (String blocker : List.of("LOCALIZATION_PENDING", "LOCALIZATION_NOT_READY", "NO_PRICE",
                    "AGE_RATING_MISSING", "MISSING_LANGUAGE", "MISSING_LANGUAGE:ja", "MISSING_LANGUAGE:ar")) {
                Set<UUID> expected = ids(rows.stream().filter(r -> r.stateAt(now) == RolloutState.WAITING
                        && r.blockers().stream().anyMatch(b -> b.equals(blocker) || (blocker.equals("MISSING_LANGUAGE")
                        && b.startsWith("MISSING_LANGUAGE:")))).toList());
                assertThat(expected).as("the generator covers " + blocker).isNotEmpty();
                assertThat(select(db, RolloutStateSql.blocker(blocker), region, now, ours)).as(blocker).isEqualTo(expected);
            }
        }
    }

    private static RegionalRollout randomRow(Random random, Instant now, String region) {
        RegionalRollout row = RegionalRollout.of(UUID.randomUUID(), region);
        long version = 1 + random.nextInt(3);
        Instant from = now.plusSeconds((random.nextInt(3) - 2) * 86_400L);        // past, past or future
        Instant until = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> now.minusSeconds(3600);
            default -> now.plusSeconds(86_400);
        };
        if (until != null && !from.isBefore(until)) {
            until = null;
        }
        row.licensedFor(version, new Licence(region, from, until, false), random.nextBoolean(),
                random.nextBoolean() ? "oflc:M" : null, now);
        row.withdrawn = random.nextInt(8) == 0;
        row.onHold = random.nextInt(6) == 0;
        if (random.nextInt(4) > 0) {
            List<String> missing = switch (random.nextInt(4)) {
                case 0 -> List.of("ja");
                case 1 -> List.of("ar", "he");
                case 2 -> List.of();
                default -> List.of("ja", "ar");
            };
            row.applyReadiness(version - random.nextInt(2), missing.isEmpty() && random.nextBoolean(), missing, List.of("en"));
        }
        if (random.nextInt(4) > 0) {
            row.applyPrice(version - random.nextInt(2), "NZD", 99, 2, 60, 5);
        }
        return row;
    }

    private static void insert(Connection db, RegionalRollout r) throws Exception {
        db.createStatement().execute("insert into drama (id, studio_id, external_id, title, original_language, genres, "
                + "pricing_tier, episodes, licences, status, drama_version, revision, updated_at) values ('" + r.key.dramaId()
                + "', 'sql-check', '" + r.key.dramaId() + "', 't', 'en', '[]', 'standard', '[]', '[]', 'PUBLISHED', 1, 0, now())");
        try (PreparedStatement insert = db.prepareStatement("insert into regional_rollout (drama_id, region, drama_version, "
                + "valid_from, valid_until, withdrawn, on_hold, localization_version, localization_ready, missing_languages, "
                + "subtitle_languages, pricing_version, currency, price_minor, minor_units, age_rating_required, age_rating, "
                + "listed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, r.key.dramaId());
            insert.setString(2, r.key.region());
            insert.setLong(3, r.dramaVersion);
            insert.setTimestamp(4, Timestamp.from(r.validFrom));
            insert.setTimestamp(5, r.validUntil == null ? null : Timestamp.from(r.validUntil));
            insert.setBoolean(6, r.withdrawn);
            insert.setBoolean(7, r.onHold);
            insert.setLong(8, r.localizationVersion);
            insert.setBoolean(9, r.localizationReady);
            insert.setString(10, r.missingLanguages.isEmpty() ? "[]"
                    : "[\"" + String.join("\",\"", r.missingLanguages) + "\"]");
            insert.setLong(11, r.pricingVersion);
            insert.setString(12, r.currency);
            insert.setObject(13, r.priceMinor);
            insert.setObject(14, r.minorUnits);
            insert.setBoolean(15, r.ageRatingRequired);
            insert.setString(16, r.ageRating);
            insert.setTimestamp(17, Timestamp.from(r.listedAt));
            insert.execute();
        }
    }

    private static Set<UUID> select(Connection db, String predicate, String region, Instant now, Set<UUID> ours) throws Exception {
        try (PreparedStatement query = db.prepareStatement("select r.drama_id from regional_rollout r where r.region = ? and "
                + predicate.replace(":now", "?::timestamptz"))) {
            query.setString(1, region);
            int placeholders = predicate.split(":now", -1).length - 1;
            for (int i = 0; i < placeholders; i++) {
                query.setTimestamp(2 + i, Timestamp.from(now));
            }
            Set<UUID> found = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    if (ours.contains(id)) {
                        found.add(id);
                    }
                }
            }
            return found;
        }
    }

    private static Set<UUID> ids(List<RegionalRollout> rows) {
        return new HashSet<>(rows.stream().map(r -> r.key.dramaId()).toList());
    }
}
