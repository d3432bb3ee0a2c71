package com.sparkify.warehouse.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the integration tests share: {@code $SPARKIFY_TEST_POSTGRES_URL} when set (a URL
 * with a user allowed to create schemas), else one embedded server started on first use and stopped when
 * the JVM exits. The embedded server lets {@code postgres} in without a password and asks every other user
 * for one (scram-sha-256), so that authentication can be tested for real.
 */
public final class TestPostgres {
    /** A login role of the embedded server, with a password that needs percent-encoding in a URL. */
    public static final String LOGIN_USER = "sparkify_login";

    public static final String LOGIN_PASSWORD = "Tr0ub4dor@3-pa55";
    public static final String LOGIN_DATABASE = "sparkify_login";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static TestPostgres shared;

    private final String adminUrl;
    private final String host;
    private final int port;
    private final boolean embedded;

    private TestPostgres(String adminUrl, String host, int port, boolean embedded) {
        this.adminUrl = adminUrl;
        this.host = host;
        this.port = port;
        this.embedded = embedded;
    }

    public static synchronized TestPostgres get() {
        if (shared == null) {
            String external = System.getenv("SPARKIFY_TEST_POSTGRES_URL");
            shared = external == null || external.isBlank() ? startEmbedded() : external(external);
        }
        return shared;
    }

    private static TestPostgres startEmbedded() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectoryCustomizer(data -> {
                        try {
                            Files.writeString(
                                    data.toPath().resolve("pg_hba.conf"),
                                    String.join(
                                            "\n",
                                            "local all all trust",
                                            "host all postgres 127.0.0.1/32 trust",
                                            "host all postgres ::1/128 trust",
                                            "host all all 127.0.0.1/32 scram-sha-256",
                                            "host all all ::1/128 scram-sha-256",
                                            ""));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .start();
            TestPostgres postgres = new TestPostgres(
                    "jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres",
                    "localhost",
                    server.getPort(),
                    true);
            postgres.createLoginRole();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static TestPostgres external(String url) {
        java.util.Properties parsed = org.postgresql.Driver.parseURL(url, new java.util.Properties());
        if (parsed == null) {
            throw new IllegalArgumentException("SPARKIFY_TEST_POSTGRES_URL is not a PostgreSQL JDBC URL");
        }
        String host = parsed.getProperty("PGHOST");
        int port = Integer.parseInt(parsed.getProperty("PGPORT"));
        return new TestPostgres(url, host, port, false);
    }

    private void createLoginRole() {
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + LOGIN_USER + " LOGIN PASSWORD '" + LOGIN_PASSWORD + "'");
            statement.execute("CREATE DATABASE " + LOGIN_DATABASE + " OWNER " + LOGIN_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test login role", e);
        }
    }

    /** The URL of a database the tests may create schemas in, with its credentials. */
    public String url() {
        return adminUrl;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Whether this is the embedded server, which has the login role and password authentication. */
    public boolean embedded() {
        return embedded;
    }

    /** A URL of the login database without credentials. */
    public String loginDatabaseUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + LOGIN_DATABASE;
    }

    public Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl);
    }

    /** A schema name no other test uses. */
    public static String newSchema(String prefix) {
        return (prefix + "_" + SCHEMAS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36))
                .toLowerCase(Locale.ROOT);
    }

    /** The server process of a session. */
    public static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Ends a session, as a server restart or a network cut would, and waits until it is gone. */
    public void terminate(int pid) throws SQLException {
        try (Connection connection = admin();
                var statement = connection.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            statement.setInt(1, pid);
            try (var rows = statement.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    throw new IllegalStateException("server process " + pid + " did not end");
                }
            }
        }
    }
}
