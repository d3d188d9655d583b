package io.microdrama.catalog;

import io.microdrama.catalog.domain.Licence;
import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.domain.RolloutState;
import io.microdrama.catalog.domain.StorefrontListing;
import io.microdrama.catalog.persistence.RolloutStateSql;
import io.microdrama.catalog.persistence.StorefrontQueries;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import java.util.stream.Collectors;

import static io.microdrama.catalog.CatalogTestSupport.connection;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every copy of the rollout rules must agree on every combination of facts: the domain's {@code stateAt} and
 * {@code blockers}, the board filters in SQL ({@link RolloutStateSql}), the storefront query ({@link StorefrontQueries})
 * and the predicate of the storefront's partial index as PostgreSQL holds it. Random rows are written to PostgreSQL
 * under fresh drama ids, then each is compared with the domain's answer row by row; the storefront query must also
 * be able to walk the index (the planner only uses a partial index whose predicate the query implies).
 */
@QuarkusTest
class RolloutStateSqlIT {

    @Inject
    StorefrontQueries storefront;

    @Test
    void sqlFiltersSayWhatTheDomainSays() throws Exception {
        Random random = new Random(20261124);
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        String region = "NZ";
        List<RegionalRollout> rows = new ArrayList<>();
        try (Connection db = connection()) {
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

            Set<UUID> live = ids(rows.stream().filter(r -> r.stateAt(now) == RolloutState.LIVE).toList());
            assertThat(live).as("the generator covers LIVE").isNotEmpty();
            List<StorefrontListing> listed = storefront.live(region, now, null, null, null, 0, 100_000)
                    .await().atMost(java.time.Duration.ofSeconds(30));
            assertThat(listed.stream().map(StorefrontListing::id).filter(ours::contains).collect(Collectors.toSet()))
                    .as("the storefront lists exactly the LIVE rows").isEqualTo(live);

            // The index holds the rows that are LIVE at some instant: not withdrawn, not held, no blockers.
            String indexPredicate = indexPredicate(db);
            Set<UUID> liveAtSomeTime = ids(rows.stream().filter(r -> !r.withdrawn && !r.onHold && r.blockers().isEmpty()).toList());
            assertThat(select(db, "(" + indexPredicate + ")", region, now, ours)).as("index predicate " + indexPredicate)
                    .isEqualTo(liveAtSomeTime);
            assertThat(rows.stream().filter(r -> liveAtSomeTime.contains(r.key.dramaId()) && r.stateAt(now) != RolloutState.LIVE))
                    .as("outside LIVE only by the licence window").allMatch(r -> r.stateAt(now) == RolloutState.SCHEDULED
                            || r.stateAt(now) == RolloutState.EXPIRED);
            assertThat(storefrontPlan(db, region, now)).as("the storefront query walks the partial index")
                    .contains(RolloutStateSql.STOREFRONT_INDEX);
        }
    }

    /** The predicate of the storefront index as the database holds it (after every migration). */
    private static String indexPredicate(Connection db) throws Exception {
        try (PreparedStatement query = db.prepareStatement("select pg_get_expr(i.indpred, i.indrelid) from pg_index i "
                + "join pg_class c on c.oid = i.indexrelid where c.relname = ?")) {
            query.setString(1, RolloutStateSql.STOREFRONT_INDEX);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as(RolloutStateSql.STOREFRONT_INDEX + " exists").isTrue();
                return rows.getString(1);
            }
        }
    }

    /** EXPLAIN of the storefront's page query, with plans that avoid the index made as expensive as possible. */
    private static String storefrontPlan(Connection db, String region, Instant now) throws Exception {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (var settings = db.createStatement()) {
            settings.execute("set local enable_seqscan = off");
            settings.execute("set local enable_sort = off");
            String sql = "explain select r.drama_id from regional_rollout r join drama d on d.id = r.drama_id where "
                    + StorefrontQueries.LIVE.replace("$1", "?").replace("$2", "?::timestamptz")
                    + " order by r.listed_at desc, r.drama_id limit 21";
            try (PreparedStatement explain = db.prepareStatement(sql)) {
                explain.setString(1, region);
                int placeholders = sql.split("\\?::timestamptz", -1).length - 1;
                for (int i = 0; i < placeholders; i++) {
                    explain.setTimestamp(2 + i, Timestamp.from(now));
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        } finally {
            db.rollback();
            db.setAutoCommit(autoCommit);
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
                + "listed_at, coins_per_episode, free_episodes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            insert.setObject(18, r.coinsPerEpisode);
            insert.setObject(19, r.freeEpisodes);
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
