package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.testing.DamagedGzip;
import com.sparkify.testing.SampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtlCommandIT {
    @TempDir
    Path dir;

    private String warehouse() {
        return "--warehouse=jdbc:duckdb:" + dir.resolve("w.duckdb");
    }

    @Test
    void loadsTheSampleThenRerunsAsANoOp() {
        String songs = "--songs=" + SampleData.songs();
        String logs = "--logs=" + SampleData.logs();

        CommandRun first = CommandRun.of("etl", warehouse(), songs, logs);
        CommandRun second = CommandRun.of("etl", warehouse(), songs, logs);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .startsWith("Run 1 succeeded in ")
                .contains(
                        "\n  warehouse: DuckDB file " + dir.resolve("w.duckdb").toAbsolutePath() + "\n")
                .contains("events: read 8,056 = staged 8,056 + rejected 0")
                .contains("Checks: 13 of 13 passed");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out())
                .startsWith("Run 2 succeeded in ")
                .contains("0 loaded")
                .contains("101 already loaded");
    }

    @Test
    void jsonSummaryReconcilesReadStagedAndRejected() throws Exception {
        CommandRun run = CommandRun.of(
                "etl", warehouse(), "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs(), "--json");

        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).hasLineCount(1);
        assertThat(summary.get("schema_version").asInt()).isEqualTo(1);
        assertThat(summary.get("warehouse").asText())
                .isEqualTo("DuckDB file " + dir.resolve("w.duckdb").toAbsolutePath());
        assertThat(summary.get("runId").asLong()).isEqualTo(1);
        assertThat(summary.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(summary.at("/events/read").asLong()).isEqualTo(8056);
        assertThat(summary.at("/tables/songplays").asLong()).isEqualTo(6820);
    }

    @Test
    void badRecordsAreRefusedByDefaultAndAcceptedWithMaxErrors() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.copy(SampleData.logs().resolve("2018/11/2018-11-12-events.json"), logs.resolve("a.json"));
        Files.writeString(logs.resolve("b.json"), "{oops\n{\"page\":\"Home\"}\n");
        String[] args = {"etl", warehouse(), "--songs=" + SampleData.songs(), "--logs=" + logs};

        CommandRun refused = CommandRun.of(args);

        assertThat(refused.exitCode()).isEqualTo(6);
        assertThat(refused.err())
                .contains("2 records rejected, more than --max-errors 0")
                .contains("--max-errors 2")
                .hasLineCount(1);
        assertThat(refused.out()).contains("Tables: songplays 0");

        CommandRun accepted = CommandRun.of(append(args, "--max-errors=2"));

        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(accepted.out()).contains("rejected 2").contains("Checks: 13 of 13 passed");
        assertThat(accepted.out()).doesNotContain("Tables: songplays 0");
    }

    @Test
    void aTruncatedGzipIsOneRejectNotAnInternalError() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.copy(SampleData.logs().resolve("2018/11/2018-11-12-events.json"), logs.resolve("a.json"));
        java.util.List<String> lines =
                Files.readAllLines(SampleData.logs().resolve("2018/11/2018-11-13-events.json")).stream()
                        .map(line -> line + "\n")
                        .toList();
        Files.write(logs.resolve("b.json.gz"), DamagedGzip.of(lines).cutInsideRecord(10));
        String[] args = {"etl", warehouse(), "--songs=" + SampleData.songs(), "--logs=" + logs};

        CommandRun refused = CommandRun.of(args);

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(6);
        assertThat(refused.err())
                .contains("1 record rejected, more than --max-errors 0")
                .hasLineCount(1);

        CommandRun accepted = CommandRun.of(append(args, "--max-errors=1"));

        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(accepted.out()).contains("rejected 1").contains("Checks: 13 of 13 passed");
    }

    @Test
    void errorsAreOneLineWithDocumentedExitCodes() {
        CommandRun missingPath = CommandRun.of("etl", warehouse(), "--songs=" + dir.resolve("nope"), "--logs=" + dir);
        CommandRun badUrl = CommandRun.of("etl", "--warehouse=jdbc:nosuch:x", "--songs=" + dir, "--logs=" + dir);
        CommandRun badFlag = CommandRun.of("etl", "--no-such-flag");
        CommandRun noSongs = CommandRun.of("etl", warehouse(), "--logs=" + dir);

        assertThat(missingPath.exitCode()).isEqualTo(4);
        assertThat(missingPath.err())
                .startsWith("error: Expected songs data at")
                .hasLineCount(1);
        assertThat(badUrl.exitCode()).isEqualTo(3);
        assertThat(badUrl.err()).contains("jdbc:nosuch:x").hasLineCount(1);
        assertThat(badFlag.exitCode()).isEqualTo(2);
        assertThat(badFlag.err()).contains("Unknown option: '--no-such-flag'");
        assertThat(noSongs.exitCode()).isEqualTo(3);
        assertThat(noSongs.err()).contains("--songs PATH").contains("SONG_DATA");
    }

    @Test
    void checkAndCreateTablesWork() {
        CommandRun.of("etl", warehouse(), "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs());

        CommandRun check = CommandRun.of("check", warehouse());
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("songplays_users", "PASS", "13 of 13 checks passed");
        assertThat(check.out()).containsPattern("info: \\d+ distinct text values look double-encoded");

        CommandRun create = CommandRun.of("create-tables", warehouse());
        assertThat(create.exitCode()).isZero();
        CommandRun reload =
                CommandRun.of("etl", warehouse(), "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs());
        assertThat(reload.out()).contains("101 loaded");
    }

    @Test
    void checkIgnoresRowsAFailedRunLeftInStaging() throws Exception {
        CommandRun.of("etl", warehouse(), "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs());
        // What a run that failed on a full disk leaves: rows it staged ahead of its transaction, which it
        // could not delete; the next run discards them.
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("w.duckdb"));
                Statement statement = connection.createStatement()) {
            int copied = statement.executeUpdate("INSERT INTO staging_events SELECT * REPLACE ("
                    + " session_id + 1000000 AS session_id, load_id + 1000 AS load_id)"
                    + " FROM staging_events WHERE page = 'NextSong'");
            assertThat(copied).isEqualTo(6_820);
        }
        // A failed run publishes what it leaves; rows added by hand reach the readers once the snapshot goes.
        Files.delete(dir.resolve("w.duckdb.snapshot"));

        CommandRun check = CommandRun.of("check", warehouse());
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("13 of 13 checks passed");
        CommandRun next =
                CommandRun.of("etl", warehouse(), "--songs=" + SampleData.songs(), "--logs=" + SampleData.logs());
        assertThat(next.exitCode()).as(next.err()).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("w.duckdb"));
                Statement statement = connection.createStatement();
                ResultSet left =
                        statement.executeQuery("SELECT COUNT(*) FROM staging_events WHERE session_id > 1000000")) {
            left.next();
            assertThat(left.getLong(1)).isZero();
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"etl", "check", "create-tables", "generate", "demo"}) {
            CommandRun help = CommandRun.of(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).startsWith("Usage: sparkify " + command);
        }
        assertThat(CommandRun.of("--help").out()).contains("Exit codes:").contains("sparkify demo");
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }
}
