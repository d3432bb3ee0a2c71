package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * sparkify query answers with far more rows than its heap could hold: the CLI runs as a separate JVM with a
 * {@value #HEAP} heap against a warehouse of {@value #PLAYS} generated plays (see {@link ManyPlays}), and
 * every row must come out, in csv, json, and from a named analysis; the table shows its first rows and counts
 * the rest. One subclass per engine.
 */
abstract class QueryStreamingContract {
    static final int PLAYS = 200_000;
    static final String HEAP = "32m";
    private static final String ALL_PLAYS = "SELECT * FROM songplays";

    /** The warehouse flags: --warehouse, and --schema where the engine has one. */
    abstract List<String> warehouse();

    /** A folder of the test's own, removed after it. */
    abstract Path dir();

    @Test
    void csvStreamsEveryRow() throws Exception {
        CliRun run = run("query", "--sql", ALL_PLAYS, "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err())
                .as("nothing but the run the answer is as of")
                .hasLineCount(1)
                .startsWith("Answer as of ");
        try (Stream<String> lines = Files.lines(run.out())) {
            assertThat(lines.count()).isEqualTo(PLAYS + 1);
        }
        try (Stream<String> lines = Files.lines(run.out())) {
            assertThat(lines.skip(1)
                            .filter(line -> line.matches("play-\\d+,2018-11-0\\d \\d\\d:\\d\\d:\\d\\d,\\d+,"
                                    + "free,,,\\d+,0,\"Springfield, \"\"Main\"\" St\",Mozilla/5.0,Song \\d+,"
                                    + "Artist,200.5"))
                            .count())
                    .isEqualTo(PLAYS);
        }
    }

    @Test
    void jsonStreamsOneDocumentOfEveryRow() throws Exception {
        CliRun run = run("query", "--sql", ALL_PLAYS, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        long rows = 0;
        long userIds = 0;
        JsonNode notes;
        List<String> columns = new ArrayList<>();
        try (JsonParser json = mapper.getFactory().createParser(run.out().toFile())) {
            assertThat(json.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(json.nextFieldName()).isEqualTo("query");
            assertThat(json.nextTextValue()).isEqualTo("sql");
            assertThat(json.nextFieldName()).isEqualTo("columns");
            json.nextToken();
            JsonNode names = mapper.readTree(json);
            names.forEach(column -> columns.add(column.asText()));
            assertThat(json.nextFieldName()).isEqualTo("rows");
            assertThat(json.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (json.nextToken() == JsonToken.START_OBJECT) {
                JsonNode row = mapper.readTree(json);
                assertThat(row.get("user_id").isIntegralNumber()).isTrue();
                userIds += row.get("user_id").asLong();
                rows++;
            }
            assertThat(json.nextFieldName()).isEqualTo("notes");
            json.nextToken();
            notes = mapper.readTree(json);
            assertThat(json.nextToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(json.nextToken()).isNull();
        }
        assertThat(rows).isEqualTo(PLAYS);
        assertThat(userIds).isEqualTo((long) PLAYS * (PLAYS - 1) / 2);
        assertThat(columns).startsWith("songplay_id", "start_time", "user_id").hasSize(13);
        assertThat(notes).isEmpty();
    }

    @Test
    void theTableShowsItsFirstRowsAndCountsTheRest() throws Exception {
        CliRun run = run("query", "--sql", ALL_PLAYS + " ORDER BY user_id");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(run.out());
        assertThat(lines).filteredOn(line -> line.startsWith("play-")).hasSize(1000);
        assertThat(lines.get(2)).startsWith("play-0 ");
        assertThat(lines)
                .contains("199,000 more rows not shown: the table shows the first 1,000; --format csv or json gives"
                        + " every row.");
    }

    @Test
    void namedAnalysesStream() throws Exception {
        CliRun run = run("query", "most_active_users", "--limit", Integer.toString(PLAYS), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<String> lines = Files.lines(run.out())) {
            assertThat(lines.skip(1).filter(line -> line.matches("\\d+,,,,1,1")).count())
                    .isEqualTo(PLAYS);
        }
    }

    @Test
    void aReaderThatStopsEndsTheQueryQuietly() throws Exception {
        Path err = dir().resolve("head.err");
        Process process = builder("query", "--sql", ALL_PLAYS, "--format", "csv")
                .redirectError(err.toFile())
                .start();
        List<String> head = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 3; i++) {
                head.add(out.readLine());
            }
        }

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(head.get(0)).startsWith("songplay_id,start_time,");
        assertThat(head.get(2)).startsWith("play-");
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).isEmpty();
    }

    @Test
    void aFullOutputIsOneLineAndExit9() throws Exception {
        Path err = dir().resolve("full.err");
        Process process = builder("query", "--sql", ALL_PLAYS, "--format", "csv")
                .redirectOutput(new File("/dev/full"))
                .redirectError(err.toFile())
                .start();

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(err)).isEqualTo(9);
        assertThat(Files.readString(err))
                .hasLineCount(1)
                .startsWith("error: Cannot write the answer to standard output after ")
                .endsWith("rows; is its disk full?\n");
    }

    record CliRun(int exitCode, Path out, String err) {}

    private CliRun run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir(), "query", ".out");
        Path err = Files.createTempFile(dir(), "query", ".err");
        Process process = builder(args)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the query ended").isTrue();
        return new CliRun(process.exitValue(), out, Files.readString(err));
    }

    /** The CLI in a JVM of {@value #HEAP}, with a temp folder of the test's own for DuckDB's native library. */
    private ProcessBuilder builder(String... args) throws IOException {
        Path temp = Files.createDirectories(dir().resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP,
                "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + temp,
                "-cp",
                System.getProperty("java.class.path"),
                "com.sparkify.cli.SparkifyCommand"));
        command.addAll(List.of(args));
        command.addAll(warehouse());
        return new ProcessBuilder(command);
    }
}
