package io.microdrama.bench.eventpath;

import io.microdrama.devstack.DevStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the time of a publication goes, hop by hop, read from the three databases' outbox and inbox rows (every
 * service writes them in the transaction that does the work, so their times are the path's): catalog appends
 * {@code drama.published} → its relay marks it sent → localization (billing) receives it → appends its answers → its
 * relay marks them sent → catalog receives the last answer. Medians and p99 over the given dramas, in milliseconds.
 * Inbox {@code received_at} is the consumer transaction's start ({@code now()}); outbox {@code sent_at} is when the
 * relay's Kafka transaction committed.
 */
final class PathBreakdown {

    private static final String PUBLISHED = "select id::text, \"timestamp\", sent_at from outbox_event "
            + "where aggregateid = ? and type like '%drama.published%' order by \"timestamp\" desc limit 1";
    private static final String RECEIVED = "select received_at from inbox_message where event_id::text = ?";
    private static final String ANSWERS = "select id::text, \"timestamp\", sent_at from outbox_event where aggregateid = ? "
            + "and \"timestamp\" >= ?";
    private static final String LANES = "select event_lane, count(*) from drama where id = any(?::uuid[]) group by event_lane "
            + "order by event_lane";
    private static final String LAST_RECEIVED = "select max(received_at), count(*) from inbox_message where event_id::text = any(?)";

    private PathBreakdown() {
    }

    static void print(DevStack stack, List<String> dramaIds) throws Exception {
        Map<String, List<Double>> hops = new LinkedHashMap<>();
        try (Connection catalog = connect(stack, "catalog"); Connection localization = connect(stack, "localization");
                Connection billing = connect(stack, "billing")) {
            printLanes(catalog, dramaIds);
            for (String dramaId : dramaIds) {
                Row published = one(catalog, PUBLISHED, dramaId);
                if (published == null || published.sentAt == null) {
                    continue;
                }
                add(hops, "catalog: appended -> on Kafka (relay)", published.appended, published.sentAt);
                for (Map.Entry<String, Connection> answering : Map.of("localization", localization, "billing", billing).entrySet()) {
                    String name = answering.getKey();
                    Timestamp received = timestamp(answering.getValue(), RECEIVED, published.id);
                    if (received == null) {
                        continue;
                    }
                    add(hops, name + ": on Kafka -> received", published.sentAt, received);
                    List<Row> answers = rows(answering.getValue(), dramaId, published.appended);
                    if (answers.isEmpty() || answers.stream().anyMatch(row -> row.sentAt == null)) {
                        continue;
                    }
                    Timestamp lastAppended = answers.stream().map(row -> row.appended).max(Timestamp::compareTo).orElseThrow();
                    Timestamp lastSent = answers.stream().map(row -> row.sentAt).max(Timestamp::compareTo).orElseThrow();
                    add(hops, name + ": received -> answers appended", received, lastAppended);
                    add(hops, name + ": answers appended -> on Kafka (relay)", lastAppended, lastSent);
                    try (PreparedStatement last = catalog.prepareStatement(LAST_RECEIVED)) {
                        last.setArray(1, catalog.createArrayOf("text", answers.stream().map(row -> row.id).toArray()));
                        try (ResultSet result = last.executeQuery()) {
                            if (result.next() && result.getLong(2) == answers.size()) {
                                add(hops, "catalog: " + name + "'s answers on Kafka -> last received", lastSent,
                                        result.getTimestamp(1));
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("  hops (ms over %d dramas; from the databases' outbox/inbox times):%n", dramaIds.size());
        hops.forEach((hop, values) -> {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("    %-58s p50 %8.1f  p99 %8.1f  max %8.1f  (n %d)%n", hop, percentile(sorted, 50),
                    percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], sorted.length);
        });
    }

    /**
     * Which of catalog's lanes the dramas took: one studio publishing more than catalog's bulk-lane threshold within its
     * window (CATALOG_BULK_LANE_THRESHOLD, CATALOG_BULK_LANE_WINDOW) is an import, and its dramas take the bulk lane.
     */
    private static void printLanes(Connection catalog, List<String> dramaIds) throws Exception {
        StringBuilder lanes = new StringBuilder();
        try (PreparedStatement query = catalog.prepareStatement(LANES)) {
            query.setArray(1, catalog.createArrayOf("text", dramaIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lanes.append(lanes.isEmpty() ? "" : ", ").append(rows.getString(1)).append(' ').append(rows.getLong(2));
                }
            }
        }
        System.out.printf("  catalog's lanes: %s%n", lanes);
    }

    private record Row(String id, Timestamp appended, Timestamp sentAt) {
    }

    private static Connection connect(DevStack stack, String name) throws Exception {
        DevStack.Database database = stack.database(name).orElseThrow();
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static Row one(Connection db, String sql, String key) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? new Row(result.getString(1), result.getTimestamp(2), result.getTimestamp(3)) : null;
            }
        }
    }

    private static List<Row> rows(Connection db, String dramaId, Timestamp since) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(ANSWERS)) {
            statement.setString(1, dramaId);
            statement.setTimestamp(2, since);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getTimestamp(2), result.getTimestamp(3)));
                }
            }
        }
        return rows;
    }

    private static Timestamp timestamp(Connection db, String sql, String key) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getTimestamp(1) : null;
            }
        }
    }

    private static void add(Map<String, List<Double>> hops, String hop, Timestamp from, Timestamp to) {
        hops.computeIfAbsent(hop, ignored -> new ArrayList<>()).add(millis(to) - millis(from));
    }

    private static double millis(Timestamp at) {
        return at.getTime() + (at.getNanos() % 1_000_000) / 1e6;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
