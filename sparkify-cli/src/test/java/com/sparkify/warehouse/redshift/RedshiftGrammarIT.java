package com.sparkify.warehouse.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.Sqlfluff;
import com.sparkify.warehouse.SqlScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement the Redshift engine runs, parsed by sqlfluff's {@code redshift} grammar: the scripts of
 * sql/redshift/ and the golden plan and COPY statements, split into statements as the engine sends them,
 * with the placeholders the engine fills in given a value. PostgreSQL's parser rejects Redshift's own
 * statements, so this is the only check they get here; {@link RedshiftSqlLintTest} keeps what a grammar
 * cannot see.
 */
class RedshiftGrammarIT {
    private static final Path SCRIPTS = Path.of("src", "main", "resources", "sql", "redshift");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "warehouse", "redshift");

    @TempDir
    Path dir;

    /** {@code name -> statements} of every file to parse. */
    private static Map<String, List<String>> statements() throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        for (Path folder : List.of(SCRIPTS, GOLDEN)) {
            try (Stream<Path> paths = Files.list(folder)) {
                for (Path path :
                        paths.filter(file -> file.toString().endsWith(".sql")).toList()) {
                    String name = folder.getFileName() + "-" + path.getFileName();
                    String text = Files.readString(path, StandardCharsets.UTF_8);
                    files.put(name, SqlScripts.split(Placeholders.substitute(text)));
                }
            }
        }
        return files;
    }

    private Map<String, Sqlfluff.Parsed> parse(Map<String, List<String>> files)
            throws IOException, InterruptedException {
        Map<String, String> texts = new TreeMap<>();
        files.forEach((name, statements) -> texts.put(name, String.join(";\n\n", statements) + ";\n"));
        return Sqlfluff.require().parse("redshift", texts, dir);
    }

    /** What went wrong in each file: a part it could not parse, or fewer statements than the engine sends. */
    private static List<String> problems(Map<String, List<String>> files, Map<String, Sqlfluff.Parsed> parsed) {
        List<String> problems = new ArrayList<>();
        files.forEach((name, statements) -> {
            Sqlfluff.Parsed result = parsed.get(name);
            result.unparsable().forEach(part -> problems.add(name + ": cannot parse '" + part.strip() + "'"));
            if (result.statements() != statements.size()) {
                problems.add(name + ": " + result.statements() + " statements parsed of " + statements.size());
            }
        });
        return problems;
    }

    @Test
    void everyRedshiftStatementParsesWithRedshiftsGrammar() throws Exception {
        Map<String, List<String>> files = statements();

        Map<String, Sqlfluff.Parsed> parsed = parse(files);

        assertThat(files).containsKeys("redshift-copy_tables.sql", "redshift-plan.sql", "redshift-schema.sql");
        assertThat(files.get("redshift-plan.sql"))
                .as("the golden plan, over sqlfluff's default size limit")
                .hasSizeGreaterThan(50);
        assertThat(problems(files, parsed)).isEmpty();
    }

    @Test
    void aBrokenStatementFailsTheCheck() throws Exception {
        Map<String, List<String>> files = new TreeMap<>();
        files.put("good.sql", List.of("LOCK etl_lock", "SELECT 1"));
        files.put(
                "broken.sql", List.of("SELECT 1", "INSERT INTO songs (song_id, title) VALUES ('a',, 'b')", "SELECT 2"));

        List<String> problems = problems(files, parse(files));

        assertThat(problems).isNotEmpty().allMatch(problem -> problem.startsWith("broken.sql: "));
    }
}
