package com.sparkify.warehouse.duckdb;

import com.sparkify.warehouse.SqlScripts;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A full refresh builds a new file instead of deleting every row of the warehouse: {@link
 * WarehouseFiles#compacted()}, attached as {@link #DATABASE} and made the default database of the run's
 * connection and of the readers that stage into it, so that the run loads into empty tables as a first load
 * does, and the file holds no space of deleted rows. The side session stays on the warehouse: the run's
 * record and its rejects must outlive a run that fails or is killed, whose new file is dropped. Once the run
 * has committed, the run history is copied into the new file ({@code rebuild_history.sql}) and the side session
 * follows it, so that the run's final record lands there; the publish then swaps the new file in.
 */
final class FullRefreshBuild {
    /** The new file's name in the run's connections; the scripts that copy into it name it. */
    static final String DATABASE = "sparkify_rebuild";

    private final WarehouseFiles files;
    /** The warehouse's own database, quoted. */
    private final String warehouse;

    private FullRefreshBuild(WarehouseFiles files, String warehouse) {
        this.files = files;
        this.warehouse = warehouse;
    }

    /**
     * Attaches a new file beside the warehouse, creates the tables in it and makes it the default database of
     * {@code connection}, outside any transaction of the run. The tables of the warehouse exist by then: the
     * side session writes the run's record there.
     */
    static FullRefreshBuild start(Connection connection, WarehouseFiles files, SqlScripts scripts) {
        files.removeCompacted();
        FullRefreshBuild build;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_database()")) {
            row.next();
            build = new FullRefreshBuild(files, identifier(row.getString(1)));
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot read the name of the warehouse's database", e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ATTACH " + literal(files.compacted().toString()) + " AS " + DATABASE);
            statement.execute("USE " + DATABASE);
            scripts.execute(connection, "schema", Map.of());
            connection.commit();
            return build;
        } catch (SQLException | RuntimeException e) {
            try {
                build.abandon(connection);
            } catch (SQLException | RuntimeException again) {
                e.addSuppressed(again);
            }
            if (e instanceof SQLException failure) {
                throw WarehouseErrors.translate("Cannot start the new file " + files.compacted(), failure);
            }
            throw (RuntimeException) e;
        }
    }

    /** Makes the new file the default database of {@code connection}: a duplicated connection does not inherit it. */
    void use(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("USE " + DATABASE);
        }
    }

    /**
     * After the run's commit: copies the run history from the warehouse into the new file, and moves the side
     * session there, so that the run's final record is written into the file that is swapped in.
     */
    void takeHistory(Connection connection, Connection side, SqlScripts scripts) {
        try {
            useWarehouse(connection);
            scripts.execute(connection, "rebuild_history", Map.of());
            connection.commit();
            if (side != null && !side.isClosed()) {
                use(side);
            }
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot copy the run history into " + files.compacted(), e);
        }
    }

    /**
     * Makes the new file complete on disk and detaches it, and checkpoints the warehouse, whose log must stay
     * empty once the new file is renamed over it. Outside any transaction; the side session is back on the
     * warehouse.
     */
    void finish(Connection connection, Connection side) {
        try {
            if (side != null && !side.isClosed()) {
                useWarehouse(side);
            }
            connection.setAutoCommit(true);
            useWarehouse(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
                statement.execute("CHECKPOINT " + DATABASE);
                statement.execute("DETACH " + DATABASE);
            }
        } catch (SQLException e) {
            throw WarehouseErrors.translate(
                    "Cannot finish the new file " + files.compacted() + " of a full refresh", e);
        }
    }

    /**
     * A run that did not commit, or failed before its publish: the new file goes, and the warehouse is the
     * default database again, as it was. The connection keeps its auto-commit mode.
     */
    void abandon(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try {
            useWarehouse(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DETACH DATABASE IF EXISTS " + DATABASE);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        files.removeCompacted();
    }

    private void useWarehouse(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("USE " + warehouse);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
