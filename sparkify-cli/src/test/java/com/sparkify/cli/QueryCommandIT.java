package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.analytics.Analysis;
import com.sparkify.testing.SampleData;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sparkify query, black-box on the loaded sample: answers, formats, read-only SQL and one-line errors. */
class QueryCommandIT {
    @TempDir
    static Path dir;

    private static String warehouse;

    @BeforeAll
    static void loadTheSample() {
        warehouse = "--warehouse=jdbc:duckdb:" + dir.resolve("w.duckdb");
        CommandRun etl =
                CommandRun.of("etl", warehouse, "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs());
        assertThat(etl.exitCode()).as(etl.err()).isZero();
    }

    @Test
    void topSongsAsATableSayHowMuchMatchedTheCatalog() {
        CommandRun run = CommandRun.of("query", "top_songs", warehouse, "--limit", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .contains("-- top_songs")
                .anyMatch(line -> line.matches("You're The One +Dwight Yoakam +37 +22 +0"))
                .anyMatch(line -> line.matches("Undo +Björk +28 +14 +0"))
                .contains("Catalog: 1 of 6,820 plays (0.01%) matched a catalog song; the rest count by the played"
                        + " title and artist.");
        assertThat(run.out()).doesNotContain("Ã");
    }

    @Test
    void csvAndJsonFormats() throws Exception {
        CommandRun csv = CommandRun.of("query", "free_vs_paid", warehouse, "--format", "csv");
        CommandRun json = CommandRun.of(
                "query", "plays_by_hour", warehouse, "--format=json", "--from=2018-11-05", "--to=2018-11-05");

        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out()).isEqualTo("level,plays,users,plays_pct\r\nfree,1229,82,18.02\r\npaid,5591,22,81.98\r\n");
        JsonNode answer = new ObjectMapper().readTree(json.out());
        assertThat(json.exitCode()).isZero();
        assertThat(answer.get("rows")).hasSize(24);
        long plays = 0;
        for (JsonNode row : answer.get("rows")) {
            plays += row.get("plays").asLong();
        }
        assertThat(plays).isEqualTo(356);
        assertThat(answer.at("/notes/0").asText()).isEqualTo("Period: 2018-11-05 to 2018-11-05 (UTC), 356 plays.");
    }

    @Test
    void listDescribesEveryAnalysis() {
        CommandRun run = CommandRun.of("query", "--list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines())
                .containsAll(Arrays.stream(Analysis.values())
                        .map(Analysis::queryName)
                        .toList());
        assertThat(run.out()).contains("Browser: Edge/ -> Edge");
    }

    @Test
    void ownSqlRunsReadOnly() {
        CommandRun select = CommandRun.of(
                "query",
                warehouse,
                "--sql",
                "SELECT level, COUNT(*) AS users FROM users GROUP BY level ORDER BY level",
                "--format=csv");
        CommandRun delete = CommandRun.of("query", warehouse, "--sql", "DELETE FROM songplays");
        CommandRun hiddenDelete = CommandRun.of(
                "query", warehouse, "--sql", "WITH x AS (SELECT 1) DELETE FROM songplays WHERE user_id > 0");
        CommandRun two = CommandRun.of("query", warehouse, "--sql", "SELECT 1; DELETE FROM songplays");
        CommandRun count =
                CommandRun.of("query", warehouse, "--sql", "SELECT COUNT(*) AS n FROM songplays", "--format=csv");

        assertThat(select.exitCode()).as(select.err()).isZero();
        assertThat(select.out()).isEqualTo("level,users\r\nfree,75\r\npaid,22\r\n");
        assertThat(delete.exitCode()).isEqualTo(2);
        assertThat(delete.err())
                .hasLineCount(1)
                .contains("Expected --sql to be one SELECT or WITH statement (it runs read-only), found DELETE");
        assertThat(hiddenDelete.exitCode()).isEqualTo(2);
        assertThat(hiddenDelete.err())
                .hasLineCount(1)
                .contains("--sql is read-only, and the warehouse refused a write");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).hasLineCount(1).contains("found several");
        assertThat(count.out()).isEqualTo("n\r\n6820\r\n");
    }

    @Test
    void errorsAreOneLineWithDocumentedExitCodes() throws java.sql.SQLException {
        CommandRun unknown = CommandRun.of("query", "top_sngs", warehouse);
        CommandRun badDate = CommandRun.of("query", "top_songs", warehouse, "--from", "2018-11-31");
        CommandRun reversed = CommandRun.of("query", "top_songs", warehouse, "--from=2018-11-10", "--to=2018-11-01");
        CommandRun noPlays = CommandRun.of("query", "top_songs", warehouse, "--from=2019-01-01");
        CommandRun missing =
                CommandRun.of("query", "top_songs", "--warehouse=jdbc:duckdb:" + dir.resolve("new.duckdb"));
        java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("other.duckdb"))
                .close();
        CommandRun empty =
                CommandRun.of("query", "top_songs", "--warehouse=jdbc:duckdb:" + dir.resolve("other.duckdb"));
        CommandRun nothing = CommandRun.of("query", warehouse);
        CommandRun badLimit = CommandRun.of("query", "top_songs", warehouse, "--limit=0");
        CommandRun periodWithSql = CommandRun.of("query", warehouse, "--sql=SELECT 1", "--from=2018-11-01");
        CommandRun badSql = CommandRun.of("query", warehouse, "--sql=SELECT * FROM no_such_table");

        assertError(unknown, 2, "Unknown query 'top_sngs'; expected one of top_songs, top_artists");
        assertError(badDate, 2, "Expected --from as a date YYYY-MM-DD (UTC), found '2018-11-31'");
        assertError(reversed, 2, "Expected --from on or before --to");
        assertError(
                noPlays, 10, "No songplays from 2019-01-01 to the end (UTC); the warehouse has plays from 2018-11-01");
        assertError(missing, 10, "No DuckDB file " + dir.resolve("new.duckdb") + " (nothing was created)");
        assertThat(dir.resolve("new.duckdb")).doesNotExist();
        assertError(empty, 10, "No sparkify tables in");
        assertError(nothing, 2, "Expected a query NAME, --sql or --list");
        assertError(badLimit, 2, "Expected --limit 1 or more, found 0");
        assertError(periodWithSql, 2, "--from and --to filter built-in analyses");
        assertError(badSql, 11, "The warehouse rejected the query");
    }

    private static void assertError(CommandRun run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err()).hasLineCount(1).startsWith("error: ").contains(message);
        assertThat(run.out()).isEmpty();
    }
}
