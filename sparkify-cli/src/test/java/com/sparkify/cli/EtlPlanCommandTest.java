package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code etl --plan} on DuckDB: the files a run would load and the SQL it would run, changing nothing. */
class EtlPlanCommandTest {
    @TempDir
    Path dir;

    private String[] args;

    @BeforeEach
    void files() throws Exception {
        Path songs = Files.createDirectories(dir.resolve("song_data/A/B/C"));
        Path logs = Files.createDirectories(dir.resolve("log_data"));
        Files.writeString(
                songs.resolve("TRABC.json"),
                "{\"num_songs\":1,\"artist_id\":\"AR1\",\"artist_name\":\"A\",\"song_id\":\"SO1\",\"title\":\"T\","
                        + "\"duration\":200.5,\"year\":0}\n");
        Files.writeString(
                logs.resolve("2018-11-01-events.json"),
                "{\"artist\":\"A\",\"auth\":\"Logged In\",\"firstName\":\"Ann\",\"itemInSession\":0,\"length\":200.5,"
                        + "\"level\":\"free\",\"page\":\"NextSong\",\"sessionId\":1,\"song\":\"T\",\"ts\":1541105830796,"
                        + "\"userId\":\"7\"}\n");
        args = new String[] {
            "etl",
            "--warehouse=jdbc:duckdb:" + dir.resolve("w.duckdb"),
            "--songs=" + dir.resolve("song_data"),
            "--logs=" + logs,
        };
    }

    private CommandRun run(String... extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CommandRun.of(all);
    }

    @Test
    void listsTheFilesAndPrintsTheSqlWithoutTouchingTheWarehouse() throws Exception {
        CommandRun plan = run("--plan");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out())
                .contains("(nothing was changed): 2 files found, 2 to load (2 new, 0 changed), 0 already loaded")
                .containsPattern("new +songs +\\d+  .*TRABC\\.json")
                .contains("SQL of the run (load_id 1):")
                .contains("CREATE TABLE IF NOT EXISTS songplays (")
                .contains("-- stage 1 songs files into staging_songs")
                .contains("INSERT INTO etl_changed_plays\nSELECT session_id, item_in_session FROM staging_events\n"
                        + "WHERE (1 = 0 OR EXISTS (SELECT 1 FROM songplays)) AND load_id = 1 AND page = 'NextSong';")
                .endsWith("COMMIT;\n\n");
        assertThat(plan.out()).startsWith("Plan for DuckDB file " + dir.resolve("w.duckdb") + ", not created yet");
        assertThat(dir.resolve("w.duckdb")).doesNotExist();
        assertThat(dir.resolve("w.duckdb.wal")).doesNotExist();
    }

    @Test
    void aRunThatCannotListItsSourceLeavesNoWarehouse() throws Exception {
        String[] failing = args.clone();
        failing[3] = "--logs=" + dir.resolve("no-such-folder");

        CommandRun etl = CommandRun.of(failing);

        assertThat(etl.exitCode()).as(etl.err()).isEqualTo(4);
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("song_data", "log_data");
        }
    }

    @Test
    void afterARunEveryFileIsAlreadyLoadedAndTheNextLoadIdShows() throws Exception {
        assertThat(run().exitCode()).isZero();

        CommandRun plan = run("--plan");

        assertThat(plan.out())
                .contains("2 files found, 0 to load (0 new, 0 changed), 2 already loaded")
                .contains("unchanged")
                .contains("load_id 2")
                .doesNotContain("-- stage ");
    }

    @Test
    void jsonPlanHasTheFilesAndStatements() throws Exception {
        CommandRun plan = run("--plan", "--json");

        JsonNode json = new ObjectMapper().readTree(plan.out());
        assertThat(json.get("loadId").asLong()).isEqualTo(1);
        assertThat(json.get("files")).hasSize(2);
        assertThat(json.at("/files/0/action").asText()).isEqualTo("NEW");
        assertThat(json.get("statements").get(json.get("statements").size() - 1).asText())
                .isEqualTo("COMMIT");
    }
}
