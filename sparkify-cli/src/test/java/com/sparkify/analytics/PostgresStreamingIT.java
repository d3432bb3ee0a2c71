package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.pipeline.Schema;
import com.sparkify.testing.ManyPlays;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL an answer arrives through a cursor, in a transaction that stays read-only for --sql: asked
 * from inside the stream, on the same connection, the server shows the open cursor. Without one, the driver
 * would have read the whole answer before the first row.
 */
class PostgresStreamingIT {
    private static final int PLAYS = 5_000;

    @Test
    void ownSqlAndAnalysesFetchThroughACursor() throws Exception {
        try (Warehouse postgres =
                TestWarehouses.open(TestPostgres.get().url(), Optional.of(TestPostgres.newSchema("cursor")))) {
            Schema.ensure(postgres);
            ManyPlays.insert(TestWarehouses.jdbc(postgres), ManyPlays.POSTGRES, PLAYS);
            Probe ownSql = new Probe(TestWarehouses.jdbc(postgres));
            Probe analysis = new Probe(TestWarehouses.jdbc(postgres));

            long sqlRows = new ReadOnlyQuery(postgres).stream("SELECT * FROM songplays", Long.MAX_VALUE, ownSql);
            long analysisRows =
                    new AnalyticsQueries(postgres).stream(Analysis.MOST_ACTIVE_USERS, PLAYS, Period.ALL, analysis);

            assertThat(sqlRows).isEqualTo(PLAYS);
            assertThat(ownSql.rows).isEqualTo(PLAYS);
            assertThat(ownSql.openCursors).isEqualTo(1);
            assertThat(ownSql.readOnly).isEqualTo("on");
            assertThat(analysisRows).isEqualTo(PLAYS);
            assertThat(analysis.openCursors).isEqualTo(1);
            assertThat(TestWarehouses.jdbc(postgres).getAutoCommit()).isFalse();
            assertThat(TestWarehouses.jdbc(postgres).isReadOnly()).isFalse();
        }
    }

    /** Counts the rows, and on the first asks the server about the session it arrives in. */
    private static final class Probe implements RowSink {
        private final Connection connection;
        long rows;
        long openCursors = -1;
        String readOnly;

        Probe(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void start(String name, List<String> columns) {}

        @Override
        public void row(List<Object> values) {
            if (rows++ == 0) {
                try (Statement statement = connection.createStatement()) {
                    try (ResultSet cursors = statement.executeQuery(
                            "SELECT COUNT(*) FROM pg_cursors WHERE statement NOT LIKE '%pg_cursors%'")) {
                        cursors.next();
                        openCursors = cursors.getLong(1);
                    }
                    try (ResultSet setting = statement.executeQuery("SHOW transaction_read_only")) {
                        setting.next();
                        readOnly = setting.getString(1);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void end(List<String> notes) {}
    }
}
