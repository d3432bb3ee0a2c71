package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that would succeed while loading nothing, or keep nothing, says so or refuses. */
class EtlSilentSuccessTest {
    private static final String EVENT = "{\"artist\":\"A\",\"auth\":\"Logged In\",\"firstName\":\"Ann\","
            + "\"itemInSession\":0,\"length\":200.5,\"level\":\"free\",\"page\":\"NextSong\",\"sessionId\":1,"
            + "\"song\":\"T\",\"ts\":1541105830796,\"userId\":\"7\"}\n";

    @TempDir
    Path dir;

    private Path songs;
    private Path logs;

    @BeforeEach
    void files() throws Exception {
        songs = Files.createDirectories(dir.resolve("song_data/A/B/C"));
        logs = Files.createDirectories(dir.resolve("log_data/2018/11"));
        Files.writeString(
                songs.resolve("TRABC.json"),
                "{\"num_songs\":1,\"artist_id\":\"AR1\",\"artist_name\":\"A\",\"song_id\":\"SO1\",\"title\":\"T\","
                        + "\"duration\":200.5,\"year\":0}\n");
        Files.writeString(logs.resolve("2018-11-01-events.json"), EVENT);
    }

    private String warehouse() {
        return "--warehouse=jdbc:duckdb:" + dir.resolve("w.duckdb");
    }

    @Test
    void aFolderWithoutJsonFilesIsAWarningNamingIt() throws Exception {
        Path wrong = Files.createDirectories(dir.resolve("logs-as-text"));
        Files.writeString(wrong.resolve("2018-11-01-events.txt"), EVENT);

        CommandRun run = CommandRun.of("etl", warehouse(), "--songs=" + dir.resolve("song_data"), "--logs=" + wrong);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines().filter(line -> line.startsWith("warning:")))
                .containsExactly("warning: no event files (*.json, *.json.gz) found in " + wrong
                        + "; nothing was loaded from it (--require-files makes this an error)");
    }

    @Test
    void noNewFilesInASourceThatHasFilesStaysQuiet() {
        String[] args = {"etl", warehouse(), "--songs=" + dir.resolve("song_data"), "--logs=" + dir.resolve("log_data")
        };
        assertThat(CommandRun.of(args).exitCode()).isZero();

        CommandRun again = CommandRun.of(args);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 loaded");
        assertThat(again.err()).doesNotContain("warning");
    }

    @Test
    void requireFilesMakesAnEmptySourceAnInputErrorBeforeTheWarehouseIsMade() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CommandRun run = CommandRun.of(
                "etl", warehouse(), "--songs=" + empty, "--logs=" + dir.resolve("log_data"), "--require-files");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err().strip())
                .isEqualTo("error: no song files (*.json, *.json.gz) found in " + empty
                        + "; nothing was loaded (--require-files)");
        assertThat(dir.resolve("w.duckdb")).doesNotExist();
    }

    @Test
    void anInMemoryWarehouseIsRefusedUnlessAllowed() {
        String[] data = {"--songs=" + dir.resolve("song_data"), "--logs=" + dir.resolve("log_data")};

        CommandRun refused = CommandRun.of("etl", "--warehouse=jdbc:duckdb:", data[0], data[1]);
        CommandRun allowed = CommandRun.of("etl", "--warehouse=jdbc:duckdb:", data[0], data[1], "--allow-in-memory");

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("error: Expected a warehouse that keeps its tables, found an in-memory DuckDB")
                .contains("--allow-in-memory"));
        assertThat(refused.out()).isEmpty();
        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.out()).contains("events: read 1 = staged 1");
    }

    @Test
    void unknownKeysAreAWarningAndInTheSummaryNotAFailure() throws Exception {
        Files.writeString(
                logs.resolve("2018-11-02-events.json"),
                EVENT.replace("\"itemInSession\":0", "\"itemInSession\":1,\"newField\":7")
                        .replace("1541105830796", "1541105830797"));

        CommandRun run = CommandRun.of(
                "etl", warehouse(), "--songs=" + dir.resolve("song_data"), "--logs=" + dir.resolve("log_data"));
        CommandRun check = CommandRun.of("check", warehouse(), "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("events \"newField\"").contains("1 record, e.g. " + logs);
        assertThat(run.err()).contains("warning: 1 key not in the schema, not loaded: events \"newField\" (1 record)");
        assertThat(check.exitCode()).isZero();
        JsonNode unknownKeys = new ObjectMapper().readTree(check.out()).get("unknownKeys");
        assertThat(unknownKeys).hasSize(1);
        assertThat(unknownKeys.at("/0/key").asText()).isEqualTo("newField");
        assertThat(unknownKeys.at("/0/records").asLong()).isEqualTo(1);
        assertThat(check.err()).contains("warning: 1 key not in the schema, not loaded");
    }
}
