package com.sparkify.warehouse.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.SqlScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL accepts and Redshift does not, kept out of every script the Redshift engine runs (its own
 * or the shared one it falls back to). Running the scripts on PostgreSQL cannot catch these; this can.
 */
class RedshiftSqlLintTest {
    private static final Path SQL = Path.of("src", "main", "resources", "sql");

    private static final Map<String, Pattern> NOT_ON_REDSHIFT = Map.of(
            "IS [NOT] DISTINCT FROM",
            Pattern.compile("(?i)\\bIS\\s+(NOT\\s+)?DISTINCT\\s+FROM\\b"),
            "EXTRACT(isodow ...)",
            Pattern.compile("(?i)\\bisodow\\b"),
            "CURRENT_TIMESTAMP or NOW() (leader node only)",
            Pattern.compile("(?i)\\bCURRENT_TIMESTAMP\\b|\\bNOW\\s*\\("),
            "(a, b) IN (SELECT ...)",
            Pattern.compile("(?i)\\(\\s*[\\w.]+\\s*,\\s*[\\w.]+\\s*\\)\\s*(NOT\\s+)?IN\\s*\\(\\s*SELECT"),
            "DISTINCT ON",
            Pattern.compile("(?i)\\bDISTINCT\\s+ON\\b"),
            "a column of bare VARCHAR (VARCHAR(256) on Redshift)",
            Pattern.compile("(?i)(?<!\\bAS\\s{1,8})\\bVARCHAR\\b(?!\\s*\\()"),
            "TRUNCATE (commits the transaction on Redshift)",
            Pattern.compile("(?i)^\\s*TRUNCATE\\b", Pattern.MULTILINE));

    private static List<String> scriptNames() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (String folder : List.of("common", "redshift")) {
            try (Stream<Path> files = Files.list(SQL.resolve(folder))) {
                files.filter(file -> file.toString().endsWith(".sql"))
                        .map(file -> file.getFileName().toString().replace(".sql", ""))
                        .forEach(names::add);
            }
        }
        return List.copyOf(names);
    }

    private static List<String> findings(String name, String text) {
        String code = String.join(";\n", SqlScripts.split(text));
        return NOT_ON_REDSHIFT.entrySet().stream()
                .filter(rule -> rule.getValue().matcher(code).find())
                .map(rule -> name + ": " + rule.getKey())
                .sorted()
                .toList();
    }

    @Test
    void noScriptTheRedshiftEngineRunsUsesWhatRedshiftLacks() throws IOException {
        SqlScripts redshift = new SqlScripts("redshift");
        List<String> findings = new java.util.ArrayList<>();
        for (String name : scriptNames()) {
            if (!name.equals("checks_changed") || narrowsChecks()) {
                findings.addAll(findings(name, redshift.text(name)));
            }
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void theLintSeesWhatTheSharedScriptsUse() throws IOException {
        String shared = Files.readString(SQL.resolve("common/merge_time.sql"), StandardCharsets.UTF_8)
                + "SELECT count(*) FROM t WHERE a IS DISTINCT FROM b;\n";

        assertThat(findings("shared", shared))
                .contains(
                        "shared: (a, b) IN (SELECT ...)",
                        "shared: EXTRACT(isodow ...)",
                        "shared: IS [NOT] DISTINCT FROM");
    }

    @Test
    void redshiftRunsTheSharedChecks() throws IOException {
        assertThat(SQL.resolve("redshift/checks.sql")).doesNotExist();
        assertThat(new SqlScripts("redshift").text("checks"))
                .isEqualTo(Files.readString(SQL.resolve("common/checks.sql"), StandardCharsets.UTF_8));
    }

    @Test
    void narrowedChecksAreChecksOfTheFullListWithTheSamePromise() throws IOException {
        assertThat(checkHeaders(SQL.resolve("common/checks_changed.sql")))
                .hasSize(8)
                .isSubsetOf(checkHeaders(SQL.resolve("common/checks.sql")));
    }

    /** The narrowed checks compare key pairs with {@code (a, b) IN (SELECT ...)}: Redshift runs every check in full. */
    @Test
    void redshiftDoesNotNarrowItsChecks() {
        assertThat(narrowsChecks()).isFalse();
    }

    private static boolean narrowsChecks() {
        return new RedshiftWarehouse(null, null, "lint", null, null, null, Duration.ZERO).supportsNarrowedChecks();
    }

    /** An engine switches a step off through a capability of its Warehouse, never with a file of comments. */
    @Test
    void everyScriptOfEveryEngineHasAStatement() throws IOException {
        List<Path> commentsOnly;
        try (Stream<Path> files = Files.walk(SQL)) {
            commentsOnly = files.filter(file -> file.toString().endsWith(".sql"))
                    .filter(file -> SqlScripts.split(read(file)).isEmpty())
                    .toList();
        }
        assertThat(commentsOnly).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> checkHeaders(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("-- check:"))
                .toList();
    }
}
