package io.microdrama.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Child-process entry point (runs on the devstack child classpath, never in a service JVM): starts PostgreSQL,
 * makes sure every requested database and its owner role exist, prints the ready line, then stays up until
 * SIGTERM, when the shutdown hook stops the server.
 */
public final class PostgresMain {

    private PostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        List<String> databases = List.of(args).subList(2, args.length);
        boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e);
            }
        }, "postgres-stop"));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String database : databases) {
                createIfMissing(statement, database);
            }
        }
        System.out.println(PostgresServer.READY_LINE + " port=" + port + (existing ? " (existing data)" : " (new data)"));
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void createIfMissing(Statement statement, String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (ResultSet role = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")) {
            if (!role.next()) {
                statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
            }
        }
        try (ResultSet db = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!db.next()) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
        }
    }
}
