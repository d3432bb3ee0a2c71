package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.analytics.export.ExportTable;
import com.sparkify.analytics.export.ExportedTable;
import com.sparkify.analytics.export.ParquetExport;
import com.sparkify.analytics.report.HtmlReport;
import com.sparkify.config.SettingsResolver;
import com.sparkify.pipeline.RunStatus;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import com.sparkify.warehouse.Warehouses;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What runs differently on PostgreSQL: --sql in a read-only transaction, the Parquet export over JDBC,
 * the report. (WarehouseEquivalenceIT shows that every analysis answers the same on both engines.)
 */
class PostgresAnalyticsIT {
    @TempDir
    Path dir;

    private Warehouse openPostgres(String schema) {
        return Warehouses.open(new SettingsResolver(Map.of(), dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.of(TestPostgres.get().url()),
                        Optional.of(schema),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
    }

    @Test
    void readOnlySqlExportAndReportOnPostgres() throws Exception {
        try (Warehouse postgres = openPostgres(TestPostgres.newSchema("analytics"))) {
            assertThat(TestWarehouses.etl(postgres, SampleData.songs(), SampleData.logs(), false, 0)
                            .status())
                    .isEqualTo(RunStatus.SUCCEEDED);
            ReadOnlyQuery sql = new ReadOnlyQuery(postgres);

            for (String write : List.of(
                    "WITH gone AS (DELETE FROM songplays RETURNING user_id) SELECT COUNT(*) FROM gone",
                    "SELECT * INTO copied_users FROM users")) {
                assertThatThrownBy(() -> sql.run(write, 10))
                        .as(write)
                        .isInstanceOf(SparkifyException.class)
                        .hasMessageContaining("--sql is read-only, and the warehouse refused a write")
                        .satisfies(
                                e -> assertThat(((SparkifyException) e).code()).isEqualTo(ErrorCode.USAGE));
            }
            assertThat(sql.run("SELECT COUNT(*) AS plays FROM songplays", 10).rows())
                    .containsExactly(List.of(6820L));

            List<ExportedTable> lake = ParquetExport.of(postgres).write(dir.resolve("lake"), false);

            assertThat(lake)
                    .extracting(table -> table.table().tableName() + " " + table.rows())
                    .containsExactly("songs 71", "artists 69", "users 97", "time 6813", "songplays 6820");
            try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
                String songplays = "read_parquet('" + dir.resolve("lake").resolve(ExportTable.SONGPLAYS.tableName())
                        + "/**/*.parquet', hive_partitioning = true)";
                assertThat(Tables.rows(
                                duckDb,
                                "SELECT year, month, COUNT(*), MAX(start_time), SUM(user_id) FROM " + songplays
                                        + " GROUP BY year, month"))
                        .containsExactly("2018|11|6820|"
                                + Tables.rows(
                                                TestWarehouses.jdbc(postgres),
                                                "SELECT to_char(MAX(start_time), 'YYYY-MM-DD HH24:MI:SS.MS') || '|' ||"
                                                        + " SUM(user_id) FROM songplays")
                                        .get(0));
            }

            Path report = dir.resolve("report.html");
            new HtmlReport(postgres).write(report, Period.ALL);

            assertThat(Files.readString(report))
                    .contains("id=\"plays-per-day\"", "id=\"level-changes\"", "13 of 13 checks passed", "Björk");
        }
    }
}
