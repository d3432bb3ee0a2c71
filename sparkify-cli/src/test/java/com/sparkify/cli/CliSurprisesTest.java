package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The command line behaves as users expect of one: typos, global options, help that can be copied. */
class CliSurprisesTest {
    @TempDir
    Path dir;

    @Test
    void aMistypedCommandSuggestsTheNearestOne() {
        assertThat(CommandRun.of("elt"))
                .satisfies(run -> assertThat(run.exitCode()).isEqualTo(2))
                .satisfies(run ->
                        assertThat(run.err()).contains("did you mean 'etl'?").doesNotContain("help?"));
        assertThat(CommandRun.of("reprot", "--out", "x.html").err()).contains("did you mean 'report'?");
        assertThat(CommandRun.of("cluster", "stauts").err()).contains("did you mean 'status'?");
        assertThat(CommandRun.of("frobnicate").err())
                .contains("sparkify has no command 'frobnicate'; the commands are ")
                .contains("create-tables", "etl", "export");
    }

    @Test
    void theNearestCommandCountsASwapAsOneEdit() {
        List<String> names = List.of("etl", "check", "query", "report", "export", "help");
        assertThat(Suggestion.closest("elt", names)).contains("etl");
        assertThat(Suggestion.closest("chekc", names)).contains("check");
        assertThat(Suggestion.closest("qurey", names)).contains("query");
        assertThat(Suggestion.closest("xyz", names)).isEmpty();
        assertThat(Suggestion.distance("elt", "etl")).isEqualTo(1);
        assertThat(Suggestion.distance("elt", "help")).isEqualTo(2);
        assertThat(Suggestion.distance("", "etl")).isEqualTo(3);
    }

    @Test
    void globalOptionsWorkBeforeTheCommandAsAfterIt() {
        String missing = dir.resolve("nothing-here.duckdb").toString();
        CommandRun before = CommandRun.of("--warehouse", "jdbc:duckdb:" + missing, "query", "top_songs");
        CommandRun after = CommandRun.of("query", "top_songs", "--warehouse", "jdbc:duckdb:" + missing);
        assertThat(before.exitCode()).isEqualTo(after.exitCode()).isEqualTo(10);
        assertThat(before.err()).isEqualTo(after.err()).contains(missing);

        CommandRun verbose = CommandRun.of("-v", "--warehouse=jdbc:duckdb:" + missing, "query", "top_songs");
        assertThat(verbose.err()).contains(missing).contains("at com.sparkify.");
        assertThat(CommandRun.of(
                                "-v",
                                "cluster",
                                "status",
                                "--config",
                                dir.resolve("none.cfg").toString())
                        .err())
                .doesNotContain("Unknown option");
        assertThat(CommandRun.of("--config", dir.resolve("none.cfg").toString(), "cluster", "status")
                        .err())
                .doesNotContain("Unknown option")
                .contains("none.cfg");
        // A command without the option refuses it by name, wherever it was given.
        assertThat(CommandRun.of("--warehouse", "jdbc:duckdb:x.duckdb", "generate", "--out", dir.toString())
                        .err())
                .contains("Unknown option", "'--warehouse'");
    }

    @Test
    void reorderingMovesOnlyTheLeadingGlobalOptions() {
        var commands = java.util.Map.of("etl", Set.<String>of(), "cluster", Set.of("status"));
        assertThat(GlobalOptions.reorder(new String[] {"-v", "--warehouse", "W", "etl", "--json"}, commands))
                .containsExactly("etl", "-v", "--warehouse", "W", "--json");
        assertThat(GlobalOptions.reorder(new String[] {"--config=c", "cluster", "status"}, commands))
                .containsExactly("cluster", "status", "--config=c");
        assertThat(GlobalOptions.reorder(new String[] {"--help"}, commands)).containsExactly("--help");
        assertThat(GlobalOptions.reorder(new String[] {"-v", "elt"}, commands)).containsExactly("-v", "elt");
        assertThat(GlobalOptions.reorder(new String[] {"etl", "-v"}, commands)).containsExactly("etl", "-v");
    }

    @Test
    void helpNeverBreaksAUrlAPathOrAFlag() {
        for (CommandLine command : tree(SparkifyCommand.commandLine())) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            Set<String> rendered = new HashSet<>(Arrays.asList(help.split("\\s+")));
            for (String token : sourceTokens(command.getCommandSpec())) {
                assertThat(rendered)
                        .as(
                                "'%s' whole in the help of %s",
                                token, command.getCommandSpec().qualifiedName())
                        .contains(token);
            }
            for (String line : help.split("\\R")) {
                if (!line.stripLeading().startsWith("sparkify ") && !line.startsWith("Example")) {
                    assertThat(line.length())
                            .as("%s: %s", command.getCommandSpec().qualifiedName(), line)
                            .isLessThanOrEqualTo(80);
                }
            }
        }
    }

    @Test
    void everyCommandIsListedWithACompleteDescription() {
        String help = CommandRun.of("--help").out();
        assertThat(help).doesNotContain("Then explore with:").contains("Global options go before or after");
        assertThat(CommandRun.of("cluster", "status", "--help").out()).doesNotContain("--timeout-minutes");
        assertThat(CommandRun.of("cluster", "create", "--help").out()).contains("--timeout-minutes");
    }

    @Test
    void createTablesNamesEveryTableItDrops() throws Exception {
        String dropped;
        try (var in = getClass().getResourceAsStream("/sql/common/drop_tables.sql")) {
            dropped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> tables = java.util.regex.Pattern.compile("DROP TABLE IF EXISTS \"?(\\w+)\"?")
                .matcher(dropped)
                .results()
                .map(match -> match.group(1))
                .toList();
        String description =
                String.join(" ", CommandRun.of("create-tables", "--help").out().split("\\s+"));
        assertThat(tables).hasSizeGreaterThan(10);
        for (String table : tables) {
            assertThat(description).as(table).containsPattern("[ :,]" + table + "[,.]");
        }
    }

    /** The words of the model that users copy: URLs, paths, flags and variables. */
    private static List<String> sourceTokens(CommandSpec spec) {
        List<String> lines = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            if (!arg.hidden()) {
                lines.addAll(Arrays.asList(arg.description()));
            }
        }
        List<String> tokens = new ArrayList<>();
        for (String line : lines) {
            for (String word : line.split("\\s+")) {
                if (!word.contains("${") && (word.contains("/") || word.startsWith("-") || word.startsWith("$"))) {
                    tokens.add(word);
                }
            }
        }
        return tokens;
    }

    private static List<CommandLine> tree(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        root.getSubcommands().values().forEach(sub -> all.addAll(tree(sub)));
        return all;
    }
}
