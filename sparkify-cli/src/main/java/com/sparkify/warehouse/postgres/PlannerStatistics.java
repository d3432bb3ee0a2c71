package com.sparkify.warehouse.postgres;

import com.sparkify.warehouse.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps the planner's statistics up to date inside the run's transaction. Autovacuum cannot see rows that
 * are not committed yet, so after a load that makes up a large share of a table the merges would be
 * planned from missing or stale statistics, and could pick a nested loop where a hash join is due. ANALYZE
 * samples a bounded number of rows, cheap next to such a load; small incremental loads skip it and leave
 * the statistics to autovacuum.
 */
final class PlannerStatistics {
    private static final double LARGE_SHARE = 0.2;

    private final Connection connection;
    private boolean largeLoad;

    PlannerStatistics(Connection connection) {
        this.connection = connection;
    }

    /** {@code rows} were just staged into {@code table}. */
    void staged(String table, long rows) throws SQLException {
        if (rows > 0 && rows > LARGE_SHARE * knownRows(table)) {
            analyze(table);
            largeLoad = true;
        }
    }

    /** {@code step} just ran; after a large load, the tables it rewrote feed the next steps. */
    void ran(Step step) throws SQLException {
        if (largeLoad) {
            for (String table : step.rewrites()) {
                analyze(table);
            }
        }
    }

    /** The row count the planner believes in; below 0 when the table was never analyzed. */
    private double knownRows(String table) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getDouble(1) : -1;
            }
        }
    }

    private void analyze(String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + table);
        }
    }
}
