package com.sparkify.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratedDataset;
import com.sparkify.generate.GeneratorSpec;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export over JDBC, the path of engines that cannot write Parquet (PostgreSQL, Redshift), run here
 * against DuckDB, writes the same files as DuckDB's own COPY.
 */
class ParquetExportIT {
    @TempDir
    Path dir;

    @Test
    void overJdbcWritesWhatDuckDbWritesItself() throws Exception {
        GeneratedDataset dataset = new DatasetGenerator()
                .generate(new GeneratorSpec(dir.resolve("data"), 15, 40, 5, GeneratorSpec.DEFAULT_FIRST_DAY));
        List<ExportedTable> direct;
        List<ExportedTable> overJdbc;
        try (Warehouse warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            TestWarehouses.etl(warehouse, dataset.songData(), dataset.logData(), false, 0);
            direct = ParquetExport.of(warehouse).write(dir.resolve("direct"), false);
            overJdbc = ParquetExport.throughReader(warehouse).write(dir.resolve("jdbc"), false);
        }

        assertThat(overJdbc)
                .extracting(ExportedTable::rows)
                .isEqualTo(direct.stream().map(ExportedTable::rows).toList());
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (ExportTable table : ExportTable.values()) {
                String a = read(dir.resolve("direct"), table);
                String b = read(dir.resolve("jdbc"), table);
                assertThat(Tables.rows(duckDb, "SELECT * FROM " + a + " EXCEPT SELECT * FROM " + b))
                        .as(table.tableName())
                        .isEmpty();
                assertThat(Tables.rows(duckDb, "SELECT * FROM " + b + " EXCEPT SELECT * FROM " + a))
                        .as(table.tableName())
                        .isEmpty();
                assertThat(Tables.rows(
                                duckDb, "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + b + ")"))
                        .as(table.tableName() + " column types")
                        .isEqualTo(Tables.rows(
                                duckDb, "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + a + ")"));
            }
            // 40 days from November 1st span two months: songplays and time get a folder for each.
            assertThat(Tables.rows(
                            duckDb,
                            "SELECT DISTINCT month FROM " + read(dir.resolve("jdbc"), ExportTable.SONGPLAYS)
                                    + " ORDER BY 1"))
                    .containsExactly("11", "12");
        }
    }

    private static String read(Path lake, ExportTable table) {
        return "read_parquet('" + lake.resolve(table.tableName()) + "/**/*.parquet', hive_partitioning = true)";
    }
}
