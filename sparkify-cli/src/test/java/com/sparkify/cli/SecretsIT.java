package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.CliProcess;
import com.sparkify.testing.SampleData;
import com.sparkify.warehouse.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command, run with a database password and AWS keys configured, quietly and with -v, succeeding
 * and failing: neither secret ever appears in stdout, stderr or the logs.
 */
class SecretsIT {
    private static final String DB_PASSWORD = "Sup3r-S3cret-pw";
    private static final String AWS_KEY_ID = "AKIASPARKIFYTESTKEY1";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSPARKIFYKEY";

    @TempDir
    Path dir;

    @Test
    void noCommandEverPrintsASecret() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        Path config = dir.resolve("dwh.cfg");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "[CLUSTER]",
                        "DB_USER=" + TestPostgres.LOGIN_USER,
                        "DB_PASSWORD=" + DB_PASSWORD,
                        "[WAREHOUSE]",
                        "URL=jdbc:duckdb:" + dir.resolve("w.duckdb"),
                        "[S3]",
                        "SONG_DATA=" + SampleData.songs(),
                        "LOG_DATA=" + SampleData.logs(),
                        ""));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> environment = Map.of(
                "AWS_ACCESS_KEY_ID", AWS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", AWS_SECRET,
                "PGPASSWORD", DB_PASSWORD,
                "SPARKIFY_CONFIG", config.toString());
        String wrongPasswordUrl = postgres.loginDatabaseUrl() + "?password=" + DB_PASSWORD;
        String unreachable =
                "jdbc:postgresql://" + TestPostgres.LOGIN_USER + ":" + DB_PASSWORD + "@localhost:1/nowhere";
        List<List<String>> commands = List.of(
                List.of("create-tables"),
                List.of("etl"),
                List.of("etl", "--json"),
                List.of("check"),
                List.of("etl", "--warehouse=" + wrongPasswordUrl),
                List.of("etl", "--warehouse=" + unreachable),
                List.of("check", "--warehouse=" + postgres.loginDatabaseUrl()),
                List.of("etl", "--warehouse=jdbc:nosuch://u:" + DB_PASSWORD + "@host/db?password=" + DB_PASSWORD),
                List.of("etl", "--songs=" + dir.resolve("missing")),
                List.of("generate", "--out=" + dir.resolve("generated"), "--users=3", "--days=1"),
                List.of("query", "top_songs"),
                List.of("query", "--sql", "SELECT * FROM etl_runs"),
                List.of("report", "--out=" + dir.resolve("report.html")),
                List.of("export", "--format=parquet", "--out=" + dir.resolve("parquet"), "--overwrite"),
                List.of("query", "top_songs", "--warehouse=" + wrongPasswordUrl),
                List.of("--version"),
                List.of("check", "--warehouse=jdbc:redshift://127.0.0.1:1/dev?loginTimeout=2"),
                List.of("etl", "--json", "--warehouse=" + unreachable));

        List<Integer> exitCodes = new ArrayList<>();
        for (List<String> command : commands) {
            for (boolean verbose : new boolean[] {false, true}) {
                List<String> args = new ArrayList<>(command);
                if (verbose && !command.get(0).startsWith("--")) {
                    args.add(1, "-v");
                }
                Path log = dir.resolve("run-" + exitCodes.size() + ".log");
                Process process = CliProcess.start(log, environment, args.toArray(String[]::new));
                exitCodes.add(process.waitFor());

                String output = Files.readString(log);
                assertThat(output)
                        .as("output of %s", args)
                        .doesNotContain(DB_PASSWORD)
                        .doesNotContain(AWS_SECRET)
                        .doesNotContain(AWS_KEY_ID);
            }
        }
        assertThat(exitCodes).as("the runs include successes and failures").contains(0, 3, 4, 5, 11);
        assertThat(Files.readString(dir.resolve("run-32.log"))).contains("error:", "127.0.0.1:1/dev");
        assertThat(Files.readString(dir.resolve("report.html")))
                .as("the report, which shows the runs' messages")
                .doesNotContain(DB_PASSWORD)
                .doesNotContain(AWS_SECRET);
        assertThat(Files.readString(dir.resolve("run-0.log"))).contains("chmod 600");
        // The failures did talk about the connection they could not make, without its password.
        assertThat(Files.readString(dir.resolve("run-8.log"))).contains("error:", postgres.host());
        assertThat(Files.readString(dir.resolve("run-10.log"))).contains("error:", "localhost:1/nowhere");
        assertThat(Files.readString(dir.resolve("run-11.log"))).contains("error:", "localhost:1/nowhere", "\tat ");
    }

    @Test
    void aPasswordFromThePasswordFileIsNeverPrinted() throws Exception {
        TestPostgres postgres = TestPostgres.get();
        org.junit.jupiter.api.Assumptions.assumeTrue(postgres.embedded(), "needs the embedded server's login role");
        Path passwordFile = dir.resolve("pgpass");
        Files.writeString(passwordFile, "*:*:*:*:" + DB_PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> environment = Map.of("PGPASSFILE", passwordFile.toString());
        String url = postgres.loginDatabaseUrl() + "?user=" + TestPostgres.LOGIN_USER;

        for (String verbosity : new String[] {"-q", "-v"}) {
            Path log = dir.resolve("pgpass" + verbosity + ".log");
            Process process = CliProcess.start(log, environment, "check", verbosity, "--warehouse=" + url);

            assertThat(process.waitFor()).isNotZero();
            assertThat(Files.readString(log))
                    .as("the file's password was sent, and refused")
                    .contains("password authentication failed")
                    .doesNotContain(DB_PASSWORD);
        }
    }
}
