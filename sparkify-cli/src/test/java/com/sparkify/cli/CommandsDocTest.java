package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/commands.md against the picocli model: a section per command (a heading that is just {@code `sparkify
 * ...`}), and in it an option table whose first cells name exactly the command's options. The build tools
 * ({@code benchmark}) and picocli's own {@code help} are not the user's commands.
 */
class CommandsDocTest {
    private static final Path DOC = Path.of("..", "docs", "commands.md");
    private static final Set<String> NOT_DOCUMENTED = Set.of("help", "benchmark");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.*)$");
    private static final Pattern COMMAND_HEADING = Pattern.compile("^`(sparkify(?: [a-z][a-z-]*)*)`$");
    private static final Pattern OPTION = Pattern.compile("`(--?[A-Za-z][A-Za-z0-9-]*)");

    @Test
    void everyCommandHasASection() throws IOException {
        assertThat(sections().keySet())
                .as("command sections of %s", DOC)
                .containsExactlyInAnyOrderElementsOf(model().keySet());
    }

    @Test
    void everySectionNamesExactlyTheOptionsOfItsCommand() throws IOException {
        Map<String, CommandSpec> model = model();
        Map<String, String> sections = sections();
        for (Map.Entry<String, CommandSpec> command : model.entrySet()) {
            String section = sections.getOrDefault(command.getKey(), "");
            assertThat(tableOptions(section))
                    .as("options in the table of `%s` in %s", command.getKey(), DOC)
                    .containsExactlyInAnyOrderElementsOf(documentedOptions(command.getValue()));
            for (PositionalParamSpec parameter : command.getValue().positionalParameters()) {
                assertThat(section)
                        .as("`%s` in %s names its parameter", command.getKey(), DOC)
                        .contains("`" + parameter.paramLabel() + "`");
            }
        }
    }

    @Test
    void optionsOutsideACommandSectionExist() throws IOException {
        Set<String> everyOption = new TreeSet<>();
        model().values().forEach(spec -> everyOption.addAll(documentedOptions(spec)));
        assertThat(tableOptions(otherSections()))
                .as("options named in the tables of %s outside a command's section", DOC)
                .isNotEmpty()
                .isSubsetOf(everyOption);
    }

    /** The user's commands by qualified name, the root included. */
    private static Map<String, CommandSpec> model() {
        Map<String, CommandSpec> commands = new LinkedHashMap<>();
        walk(SparkifyCommand.commandLine(), commands);
        return commands;
    }

    private static void walk(CommandLine command, Map<String, CommandSpec> commands) {
        CommandSpec spec = command.getCommandSpec();
        commands.put(spec.qualifiedName(), spec);
        command.getSubcommands().forEach((name, sub) -> {
            if (!NOT_DOCUMENTED.contains(name) && sub.getCommandSpec().parent() == spec) {
                walk(sub, commands);
            }
        });
    }

    /** Every name of every option a user can see; a subcommand's --help and --version are the root's. */
    private static Set<String> documentedOptions(CommandSpec spec) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : spec.options()) {
            boolean standard = option.usageHelp() || option.versionHelp();
            if (!option.hidden() && (spec.parent() == null || !standard)) {
                names.addAll(List.of(option.names()));
            }
        }
        return names;
    }

    /** The text under each command heading, up to the next heading of any kind. */
    private static Map<String, String> sections() throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        for (Map.Entry<String, String> section : allSections().entrySet()) {
            Matcher command = COMMAND_HEADING.matcher(section.getKey());
            if (command.matches()) {
                assertThat(sections.put(command.group(1), section.getValue()))
                        .as("one section for `%s`", command.group(1))
                        .isNull();
            }
        }
        return sections;
    }

    private static String otherSections() throws IOException {
        StringBuilder text = new StringBuilder();
        allSections().forEach((heading, body) -> {
            if (!COMMAND_HEADING.matcher(heading).matches()) {
                text.append(body);
            }
        });
        return text.toString();
    }

    private static Map<String, String> allSections() throws IOException {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = "";
        StringBuilder body = new StringBuilder();
        boolean inCode = false;
        for (String line : text().split("\n")) {
            inCode ^= line.startsWith("```");
            Matcher match = HEADING.matcher(line);
            if (!inCode && match.matches()) {
                sections.merge(heading, body.toString(), String::concat);
                heading = match.group(1).strip();
                body = new StringBuilder();
            } else {
                body.append(line).append('\n');
            }
        }
        sections.merge(heading, body.toString(), String::concat);
        return sections;
    }

    /** The option names in the first cell of each table row. */
    private static Set<String> tableOptions(String section) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("|")) {
                String[] cells = line.split("\\|", -1);
                Matcher option = OPTION.matcher(cells.length > 1 ? cells[1] : "");
                while (option.find()) {
                    names.add(option.group(1));
                }
            }
        }
        return names;
    }

    private static String text() throws IOException {
        return Files.readString(DOC, StandardCharsets.UTF_8);
    }
}
