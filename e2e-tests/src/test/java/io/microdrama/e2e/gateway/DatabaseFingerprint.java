package io.microdrama.e2e.gateway;

import io.microdrama.devstack.DevStack;
import io.microdrama.testing.DatabaseProbe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What every table of the services' databases holds, as one line per table ({@code count} and the MD5 of all its rows
 * as text, in text order), so that two readings can be compared: "no row changed" is "no line differs".
 * <p>
 * Nothing is excluded: {@code flyway_schema_history} changes only when a service starts; outbox rows change only while
 * they are pending (the caller waits until none is); billing's {@code repricing_state} changes only after a change of
 * reference data or when the UTC day changes (a run across midnight UTC may therefore see it change: run again).
 */
final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /** {@code database.schema.table} → {@code count=N md5=…}, for every base table of every named database. */
    static Map<String, String> of(DevStack stack, List<String> databases) {
        Map<String, String> tables = new TreeMap<>();
        for (String name : databases) {
            DevStack.Database database = stack.database(name).orElseThrow();
            DatabaseProbe probe = new DatabaseProbe(database.jdbcUrl(), database.username(), database.password());
            try (Connection connection = probe.open(); Statement statement = connection.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select table_schema, table_name from information_schema.tables"
                        + " where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')"
                        + " order by 1, 2")) {
                    while (rows.next()) {
                        names.add(quote(rows.getString(1)) + "." + quote(rows.getString(2)));
                    }
                }
                for (String table : names) {
                    try (ResultSet row = statement.executeQuery("select count(*), coalesce(md5(string_agg(t::text, ','"
                            + " order by t::text)), '-') from " + table + " t")) {
                        row.next();
                        tables.put(name + "." + table.replace("\"", ""), "count=" + row.getLong(1) + " md5=" + row.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read database " + name, e);
            }
        }
        return tables;
    }

    /** One line per table that was added, removed or whose rows differ; empty when both readings are the same. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        Set<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        List<String> differences = new ArrayList<>();
        for (String table : tables) {
            String was = before.get(table);
            String is = after.get(table);
            if (was == null) {
                differences.add(table + ": new table (" + is + ")");
            } else if (is == null) {
                differences.add(table + ": table gone (was " + was + ")");
            } else if (!was.equals(is)) {
                differences.add(table + ": " + was + " -> " + is);
            }
        }
        return differences;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
