package com.sparkify.warehouse.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens sessions on the target with search_path set to its schema. Opening writes nothing: the schema is
 * created only with the tables, so that a read-only command ({@code check}) leaves no trace.
 */
final class PostgresConnector {
    private final PostgresTarget target;
    private final PostgresFailures failures;

    PostgresConnector(PostgresTarget target) {
        this.target = target;
        this.failures = new PostgresFailures(target);
    }

    PostgresTarget target() {
        return target;
    }

    PostgresFailures failures() {
        return failures;
    }

    /** The schema name as a quoted identifier: validated, and quoted anyway, never pasted raw. */
    static String quoteIdentifier(String name) {
        if (!com.sparkify.config.Settings.SCHEMA_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid schema name: " + name);
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** The main session, with auto-commit off. The schema need not exist yet: see {@link #createSchemaIfMissing}. */
    Connection openMain() {
        Connection connection = connect();
        try {
            setSearchPath(connection);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw failures.failed("setting search_path to schema " + target.schema(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    /** Another session on the same schema. */
    Connection open(boolean autoCommit) {
        Connection connection = connect();
        try {
            setSearchPath(connection);
            connection.setAutoCommit(autoCommit);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw failures.failed("opening a session", e);
        }
    }

    private Connection connect() {
        try {
            return DriverManager.getConnection(target.url(), target.connectionProperties());
        } catch (SQLException e) {
            throw failures.connecting(e);
        }
    }

    /** In the connection's transaction, so a DDL that rolls back takes a new schema with it. */
    void createSchemaIfMissing(Connection connection) throws SQLException {
        // CREATE SCHEMA IF NOT EXISTS checks the CREATE privilege even when the schema exists, so look first.
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            exists.setString(1, target.schema());
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier(target.schema()));
        }
    }

    /** Set with auto-commit on: a SET inside a transaction that rolls back would be undone. */
    private void setSearchPath(Connection connection) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("SET search_path TO " + quoteIdentifier(target.schema()));
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
