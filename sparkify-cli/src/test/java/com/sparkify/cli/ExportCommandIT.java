package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sparkify.testing.RawExpectations;
import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sparkify export --format parquet on the sample, read back with DuckDB's Parquet reader. */
class ExportCommandIT {
    @TempDir
    static Path dir;

    private static Path database;
    private static String warehouse;

    @BeforeAll
    static void loadTheSample() {
        database = dir.resolve("w.duckdb");
        warehouse = "--warehouse=jdbc:duckdb:" + database;
        CommandRun etl =
                CommandRun.of("etl", warehouse, "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs());
        assertThat(etl.exitCode()).as(etl.err()).isZero();
    }

    @Test
    void theStarSchemaRoundTripsThroughPartitionedParquet() throws Exception {
        Path lake = dir.resolve("lake");

        CommandRun run = CommandRun.of("export", warehouse, "--format=parquet", "--out=" + lake);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .anyMatch(line ->
                        line.matches("songplays +6,820 rows  .*/lake/songplays  \\(partitioned by year, month\\)"))
                .anyMatch(line -> line.matches("users +97 rows  .*/lake/users"));
        assertThat(folders(lake.resolve("songplays"))).containsExactly("year=2018", "year=2018/month=11");
        assertThat(lake.resolve("users/data_0.parquet")).isRegularFile();
        assertThat(lake.resolve("artists/data_0.parquet")).isRegularFile();

        RawExpectations raw = RawExpectations.read(SampleData.songs(), SampleData.logs());
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            duckDb.createStatement().execute("ATTACH '" + database + "' AS w (READ_ONLY)");
            for (String table : List.of("songplays", "users", "songs", "artists", "time")) {
                String parquet = read(lake, table);
                String columns = table.equals("songplays") ? columnsOf(duckDb, "w.songplays") : "*";
                assertThat(Tables.count(duckDb, "SELECT COUNT(*) FROM " + parquet))
                        .as(table)
                        .isEqualTo(Tables.count(duckDb, "SELECT COUNT(*) FROM w.\"" + table + "\""));
                assertThat(Tables.rows(
                                duckDb,
                                "SELECT " + columns + " FROM w.\"" + table + "\" EXCEPT SELECT "
                                        + columns(duckDb, table, columns) + " FROM " + parquet))
                        .as(table + " rows missing from Parquet")
                        .isEmpty();
            }
            assertThat(Tables.count(duckDb, "SELECT COUNT(*) FROM " + read(lake, "songplays")))
                    .isEqualTo(raw.songplays());
            assertThat(
                            Tables.count(
                                    duckDb,
                                    "SELECT COUNT(*) FROM " + read(lake, "songplays")
                                            + " WHERE year <> EXTRACT(year FROM start_time) OR month <> EXTRACT(month FROM start_time)"))
                    .isZero();
            assertThat(Tables.rows(
                            duckDb,
                            "SELECT DISTINCT COALESCE(CAST(year AS VARCHAR), 'none') || '/' || artist_id FROM "
                                    + read(lake, "songs") + " ORDER BY 1"))
                    .isEqualTo(raw.songs.stream()
                            .map(ExportCommandIT::songPartition)
                            .distinct()
                            .sorted()
                            .toList());
            assertThat(Tables.rows(
                            duckDb,
                            "SELECT artist_name FROM " + read(lake, "songplays")
                                    + " WHERE songplay_id = md5('672:53')"))
                    .as("text is exported as stored")
                    .containsExactly("Bj\u00c3\u0083\u00c2\u00b6rk");
        }
    }

    /** A song file's partition; year 0 is NULL in songs, written as __HIVE_DEFAULT_PARTITION__, read as NULL. */
    private static String songPartition(JsonNode song) {
        int year = song.get("year").asInt();
        return (year == 0 ? "none" : Integer.toString(year)) + "/"
                + song.get("artist_id").asText();
    }

    private static String read(Path lake, String table) {
        return "read_parquet('" + lake.resolve(table) + "/**/*.parquet', hive_partitioning = true)";
    }

    private static String columnsOf(Connection duckDb, String table) throws Exception {
        return String.join(", ", Tables.rows(duckDb, "SELECT column_name FROM (DESCRIBE " + table + ")"));
    }

    private static String columns(Connection duckDb, String table, String columns) throws Exception {
        return columns.equals("*") ? columnsOf(duckDb, "w.\"" + table + "\"") : columns;
    }

    private static List<String> folders(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isDirectory)
                    .filter(path -> !path.equals(root))
                    .map(path -> root.relativize(path).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void errorsAreOneLineWithDocumentedExitCodes() throws Exception {
        Path lake = Files.createDirectories(dir.resolve("again"));
        CommandRun first = CommandRun.of("export", warehouse, "--out=" + lake);
        CommandRun second = CommandRun.of("export", warehouse, "--out=" + lake);
        CommandRun overwrite = CommandRun.of("export", warehouse, "--out=" + lake, "--overwrite");
        CommandRun empty = CommandRun.of(
                "export", "--warehouse=jdbc:duckdb:" + dir.resolve("empty.duckdb"), "--out=" + dir.resolve("e"));
        CommandRun csv = CommandRun.of("export", warehouse, "--format=csv", "--out=" + dir.resolve("c"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err()).hasLineCount(1).contains("Expected no folder").contains("pass --overwrite");
        assertThat(overwrite.exitCode()).as(overwrite.err()).isZero();
        assertThat(empty.exitCode()).isEqualTo(10);
        assertThat(empty.err()).hasLineCount(1).contains("No DuckDB file");
        assertThat(dir.resolve("empty.duckdb")).doesNotExist();
        assertThat(dir.resolve("e")).doesNotExist();
        assertThat(csv.exitCode()).isEqualTo(2);
        assertThat(csv.err()).contains("--format");
    }
}
