package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkify.cluster.FakeAws;
import com.sparkify.testing.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that takes {@code --json}, run as a real process, succeeding and failing: stdout is exactly one
 * line, it parses as JSON, it carries the envelope (schema_version, command, ok, exit_code, and error with
 * kind and message on a failure), and the process exits with the code the line names.
 */
class JsonLinesIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private int runs;

    @Test
    void everyCommandPrintsOneJsonLineSucceedingAndFailing() throws Exception {
        Path data = dir.resolve("data");
        Path database = dir.resolve("w.duckdb").toAbsolutePath();
        String warehouse = "--warehouse=jdbc:duckdb:" + database;
        String songs = "--songs=" + data.resolve("song_data");
        String logs = "--logs=" + data.resolve("log_data");

        JsonNode generated = succeeds("generate", "generate", "--out=" + data, "--users=3", "--days=2", "--json");
        assertThat(generated.get("songData").asText())
                .isEqualTo(data.resolve("song_data").toAbsolutePath().toString());
        assertThat(generated.get("songFiles").asLong()).isPositive();
        fails("generate", 2, "USAGE", "generate", "--out=" + data, "--users=0", "--json");

        JsonNode plan = succeeds("etl", "etl", warehouse, songs, logs, "--plan", "--json");
        assertThat(plan.get("loadId").asLong()).isEqualTo(1);
        assertThat(plan.get("statements")).isNotEmpty();
        JsonNode etl = succeeds("etl", "etl", warehouse, songs, logs, "--json");
        assertThat(etl.get("warehouse").asText()).isEqualTo("DuckDB file " + database);
        assertThat(etl.get("runId").asLong()).isEqualTo(1);
        assertThat(etl.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(etl.at("/tables/songplays").asLong()).isPositive();
        fails("etl", 4, "INPUT", "etl", warehouse, "--songs=" + dir.resolve("missing"), logs, "--json");
        fails("etl", 2, "USAGE", "etl", warehouse, "--json", "--no-such-option");
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("a.json"), "{oops\n");
        JsonNode refused = fails("etl", 6, "TOO_MANY_REJECTS", "etl", warehouse, songs, "--logs=" + bad, "--json");
        assertThat(refused.get("runId").asLong())
                .as("the summary of the refused run")
                .isEqualTo(2);
        assertThat(refused.at("/error/message").asText()).contains("load_id = 2");

        JsonNode check = succeeds("check", "check", warehouse, "--json");
        assertThat(check.get("warehouse").asText()).isEqualTo("DuckDB file " + database);
        assertThat(check.get("results")).hasSizeGreaterThan(10);
        String missing = "--warehouse=jdbc:duckdb:" + dir.resolve("none.duckdb");
        fails("check", 10, "EMPTY", "check", missing, "--json");

        JsonNode report = succeeds("report", "report", warehouse, "--out=" + dir.resolve("r.html"), "--json");
        assertThat(report.get("out").asText())
                .isEqualTo(dir.resolve("r.html").toAbsolutePath().toString());
        assertThat(dir.resolve("r.html")).exists();
        fails("report", 2, "USAGE", "report", warehouse, "--out=" + dir.resolve("no/r.html"), "--json");

        JsonNode export = succeeds("export", "export", warehouse, "--out=" + dir.resolve("lake"), "--json");
        assertThat(export.get("tables")).hasSize(5);
        assertThat(export.at("/tables/0/rows").asLong()).isPositive();
        fails("export", 10, "EMPTY", "export", missing, "--out=" + dir.resolve("lake2"), "--json");

        JsonNode demo = succeeds("demo", "demo", "--dir=" + dir.resolve("demo"), "--users=3", "--days=2", "--json");
        assertThat(demo.get("warehouse").asText())
                .isEqualTo("DuckDB file " + dir.resolve("demo/demo.duckdb").toAbsolutePath());
        assertThat(demo.get("next")).hasSize(4);
        Path notAFolder = Files.writeString(dir.resolve("file"), "");
        JsonNode demoFailed = run(List.of("demo", "--dir=" + notAFolder, "--json"), Map.of());
        assertThat(demoFailed.get("ok").asBoolean()).isFalse();

        clusterStatus();
    }

    private void clusterStatus() throws Exception {
        Path config = dir.resolve("dwh.cfg");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "[CLUSTER]",
                        "CLUSTER_IDENTIFIER = dwhcluster",
                        "DB_PASSWORD = Passw0rdPassw0rd",
                        "REGION = us-west-2",
                        "[IAM_ROLE]",
                        "ROLE_NAME = dwhRole",
                        ""));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> credentials = Map.of("AWS_ACCESS_KEY_ID", "AKIDFAKE", "AWS_SECRET_ACCESS_KEY", "fake");
        try (FakeAws aws = new FakeAws()) {
            aws.on("DescribeClusters", FakeAws.clusters("dwhcluster", "available", "h.example.com"))
                    .on(
                            "DescribeSecurityGroups",
                            FakeAws.securityGroup("5439", "198.51.100.23/32", "sparkify cluster dwhcluster"))
                    .on("GetRole", FakeAws.role("GetRole", "dwhRole"));
            String[] args = {"cluster", "status", "--config=" + config, "--aws-endpoint=" + aws.endpoint(), "--json"};

            JsonNode status = succeeds("cluster status", credentials, args);

            assertThat(status.get("status").asText()).isEqualTo("available");
            assertThat(status.get("endpoint").asText()).isEqualTo("h.example.com");
            assertThat(status.get("openTo").get(0).asText()).isEqualTo("198.51.100.23/32");
            assertThat(status.get("roleArn").asText()).isEqualTo(FakeAws.roleArn("dwhRole"));
        }
        JsonNode failed =
                run(List.of("cluster", "status", "--config=" + dir.resolve("missing.cfg"), "--json"), credentials);
        assertThat(failed.get("command").asText()).isEqualTo("cluster status");
        assertThat(failed.get("ok").asBoolean()).isFalse();
    }

    private JsonNode succeeds(String command, String... args) throws IOException, InterruptedException {
        return succeeds(command, Map.of(), args);
    }

    private JsonNode succeeds(String command, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        JsonNode line = run(List.of(args), environment);
        assertThat(line.get("command").asText()).isEqualTo(command);
        assertThat(line.get("ok").asBoolean()).as(line.toString()).isTrue();
        assertThat(line.get("exit_code").asInt()).isZero();
        assertThat(line.has("error")).isFalse();
        return line;
    }

    private JsonNode fails(String command, int exitCode, String kind, String... args)
            throws IOException, InterruptedException {
        JsonNode line = run(List.of(args), Map.of());
        assertThat(line.get("command").asText()).isEqualTo(command);
        assertThat(line.get("ok").asBoolean()).isFalse();
        assertThat(line.get("exit_code").asInt()).as(line.toString()).isEqualTo(exitCode);
        assertThat(line.at("/error/kind").asText()).isEqualTo(kind);
        assertThat(line.at("/error/message").asText()).isNotBlank();
        return line;
    }

    /** Runs the CLI; asserts one line of JSON on stdout whose exit_code is the process's, and returns it. */
    private JsonNode run(List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
        int run = runs++;
        Path out = dir.resolve("run-" + run + ".out");
        Path err = dir.resolve("run-" + run + ".err");
        ProcessBuilder builder = CliProcess.builder(out, args.toArray(String[]::new))
                .redirectErrorStream(false)
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        int exitCode = builder.start().waitFor();
        CliProcess.removeTempFolder(out);

        List<String> lines = new ArrayList<>(Files.readAllLines(out));
        String described = args + " printed " + lines + " and on stderr " + Files.readString(err);
        assertThat(lines).as(described).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.isObject()).as(described).isTrue();
        assertThat(line.get("schema_version").asInt()).isEqualTo(1);
        assertThat(line.get("exit_code").asInt()).as(described).isEqualTo(exitCode);
        assertThat(line.get("ok").asBoolean()).isEqualTo(exitCode == 0);
        return line;
    }
}
