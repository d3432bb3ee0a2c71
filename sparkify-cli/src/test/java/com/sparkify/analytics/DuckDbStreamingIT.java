package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB hands over an answer while it is still computing it: a reader that stops at the first row never
 * reaches the later rows' failure. A driver that materialized the answer (in native memory, as large as the
 * answer) would fail before the first row.
 */
class DuckDbStreamingIT {
    private static final String FAILS_LATE = "SELECT CASE WHEN i < 1000000 THEN i"
            + " ELSE error('the whole answer was computed before the first row') END AS i FROM range(0, 2000000) t(i)";

    @TempDir
    Path dir;

    @Test
    void rowsArriveBeforeTheAnswerIsComplete() throws Exception {
        try (Warehouse duckDb = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            assertThatThrownBy(() -> new ReadOnlyQuery(duckDb).stream(FAILS_LATE, Long.MAX_VALUE, new StopAtFirstRow()))
                    .isInstanceOf(StopAtFirstRow.Stop.class);
            // The session is as it was for the statements that follow.
            try (Statement statement = TestWarehouses.jdbc(duckDb).createStatement();
                    ResultSet setting = statement.executeQuery("SELECT current_setting('jdbc_stream_results')")) {
                setting.next();
                assertThat(setting.getBoolean(1)).isFalse();
            }
        }
    }

    private static final class StopAtFirstRow implements RowSink {
        static final class Stop extends RuntimeException {}

        @Override
        public void start(String name, List<String> columns) {}

        @Override
        public void row(List<Object> values) {
            throw new Stop();
        }

        @Override
        public void end(List<String> notes) {}
    }
}
