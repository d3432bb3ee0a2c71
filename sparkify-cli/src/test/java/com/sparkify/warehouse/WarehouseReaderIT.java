package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader contract on the JDBC engines: column labels and types, values typed as {@link ColumnType} says,
 * the row cap, bound parameters, and a write refused in a read-only query.
 */
class WarehouseReaderIT {
    /** One row of each kind of value, three times, and its fourth column bound to a parameter. */
    private static final String TYPED = "SELECT CAST(1 AS BIGINT) AS b, CAST(2 AS INTEGER) AS i,"
            + " CAST(1.5 AS DOUBLE PRECISION) AS d, CAST(? AS DECIMAL(5,2)) AS m, TRUE AS t,"
            + " CAST('2018-11-01 21:01:46.796' AS TIMESTAMP) AS ts, CAST('2018-11-01' AS DATE) AS dt, 'x' AS s"
            + " FROM (VALUES (1), (2), (3)) AS v(n)";

    @TempDir
    Path dir;

    @Test
    void duckDbPassesTypedColumnsAndRows() {
        try (Warehouse duckDb = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            assertContract(duckDb);
        }
    }

    @Test
    void postgresPassesTypedColumnsAndRows() {
        try (Warehouse postgres =
                TestWarehouses.open(TestPostgres.get().url(), Optional.of(TestPostgres.newSchema("reader")))) {
            assertContract(postgres);
        }
    }

    private static void assertContract(Warehouse warehouse) {
        Collected answer = new Collected();
        long passed = warehouse
                .reader()
                .read(new ReadQuery("typed", TYPED, List.of(new BigDecimal("2.25")), false), 2, answer);

        assertThat(passed).isEqualTo(2);
        assertThat(answer.columns)
                .containsExactly(
                        new Column("b", ColumnType.BIGINT),
                        new Column("i", ColumnType.INTEGER),
                        new Column("d", ColumnType.DOUBLE),
                        new Column("m", ColumnType.DECIMAL),
                        new Column("t", ColumnType.BOOLEAN),
                        new Column("ts", ColumnType.TIMESTAMP),
                        new Column("dt", ColumnType.DATE),
                        new Column("s", ColumnType.TEXT));
        assertThat(answer.rows).hasSize(2);
        List<Object> row = answer.rows.get(0);
        assertThat(((Number) row.get(0)).longValue()).isEqualTo(1L);
        assertThat(((Number) row.get(1)).intValue()).isEqualTo(2);
        assertThat(((Number) row.get(2)).doubleValue()).isEqualTo(1.5);
        assertThat((BigDecimal) row.get(3)).isEqualByComparingTo("2.25");
        assertThat(row.get(4)).isEqualTo(Boolean.TRUE);
        assertThat(row.get(5)).isEqualTo(LocalDateTime.of(2018, 11, 1, 21, 1, 46, 796_000_000));
        assertThat(row.get(6)).isEqualTo(LocalDate.of(2018, 11, 1));
        assertThat(row.get(7)).hasToString("x");

        ReadQuery write = new ReadQuery("write", "CREATE TABLE reader_probe AS SELECT 1 AS n", List.of(), true);
        assertThatThrownBy(() -> warehouse.reader().read(write, 10, new Collected()))
                .isInstanceOfSatisfying(
                        SparkifyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE));
        assertThat(warehouse.session().hasTable("reader_probe")).isFalse();
    }

    private static final class Collected implements ResultSink {
        final List<Column> columns = new ArrayList<>();
        final List<List<Object>> rows = new ArrayList<>();

        @Override
        public void start(List<Column> columns) {
            this.columns.addAll(columns);
        }

        @Override
        public void row(List<Object> values) {
            rows.add(new ArrayList<>(values));
        }
    }
}
