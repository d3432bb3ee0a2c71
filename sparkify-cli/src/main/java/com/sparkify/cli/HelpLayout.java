package com.sparkify.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The description, option, parameter and command sections of {@code --help}, wrapped at spaces only.
 * picocli wraps where a line may break in prose, which splits {@code s3://bucket} after {@code s3:} and a
 * JDBC URL after {@code jdbc:}: a help text users copy from must keep every URL, path and flag whole.
 */
final class HelpLayout {
    private static final int WIDTH = 80;
    private static final int MAX_NAMES = 30;

    private HelpLayout() {}

    /** Installs the layout on {@code command} and every subcommand under it. */
    static void install(CommandLine command) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = command.getHelpSectionMap();
        sections.put(
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> description(help.commandSpec()));
        sections.put(
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, help -> parameters(help.commandSpec()));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> options(help.commandSpec()));
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commands(command));
        command.setHelpSectionMap(sections);
        command.getSubcommands().values().forEach(HelpLayout::install);
    }

    private static String description(CommandSpec spec) {
        StringBuilder text = new StringBuilder();
        for (String line : spec.usageMessage().description()) {
            if (line.startsWith(" ") || line.startsWith("Example")) {
                // An example is a command to copy: it stays on its line, however long.
                text.append(line.stripTrailing()).append(System.lineSeparator());
            } else {
                wrap(text, line.strip(), 0, 0);
            }
        }
        return text.toString();
    }

    private static String parameters(CommandSpec spec) {
        List<String[]> rows = new ArrayList<>();
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (!parameter.hidden()) {
                rows.add(new String[] {"      " + parameter.paramLabel(), describe(parameter)});
            }
        }
        return table(rows);
    }

    private static String options(CommandSpec spec) {
        List<String[]> rows = new ArrayList<>();
        spec.options().stream()
                .filter(option -> !option.hidden())
                .sorted(Comparator.comparing((OptionSpec option) -> sortKey(option)))
                .forEach(option -> rows.add(new String[] {names(option), describe(option)}));
        return table(rows);
    }

    private static String commands(CommandLine command) {
        List<String[]> rows = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            String[] description = sub.getCommandSpec().usageMessage().description();
            rows.add(new String[] {"  " + name, description.length == 0 ? "" : description[0]});
        });
        return rows.isEmpty() ? "" : table(rows);
    }

    /** picocli's order: by the first letter of the shortest name, then lower case before upper case. */
    private static String sortKey(OptionSpec option) {
        String name = option.shortestName().replaceFirst("^-+", "");
        return name.toLowerCase(java.util.Locale.ROOT) + (Character.isUpperCase(name.charAt(0)) ? "1" : "0") + name;
    }

    private static String names(OptionSpec option) {
        String shortName = null;
        List<String> longNames = new ArrayList<>();
        for (String name : option.names()) {
            if (name.length() == 2 && shortName == null) {
                shortName = name;
            } else {
                longNames.add(name);
            }
        }
        String label = option.arity().max() > 0 ? "=" + option.paramLabel() : "";
        String longs = String.join(", ", longNames);
        if (shortName == null) {
            return "      " + longs + label;
        }
        return "  " + shortName + (longs.isEmpty() ? label : ", " + longs + label);
    }

    private static String describe(ArgSpec arg) {
        return String.join(" ", arg.description());
    }

    /** Rows of names and their description, the descriptions in one column where the names allow. */
    private static String table(List<String[]> rows) {
        int column = rows.stream()
                        .mapToInt(row -> row[0].length())
                        .filter(length -> length <= MAX_NAMES)
                        .max()
                        .orElse(MAX_NAMES)
                + 2;
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            String description = row[1].strip();
            if (row[0].length() + 2 > column) {
                text.append(row[0]).append(System.lineSeparator());
                wrap(text, description, column, column + 2);
            } else {
                StringBuilder first = new StringBuilder(row[0]);
                first.append(" ".repeat(column - row[0].length()));
                wrapAfter(text, first.toString(), description, column + 2);
            }
        }
        return text.toString();
    }

    private static void wrap(StringBuilder text, String words, int firstIndent, int indent) {
        wrapAfter(text, " ".repeat(firstIndent), words, indent);
    }

    /** Appends {@code words} after {@code start}, breaking lines at spaces only; later lines get {@code indent}. */
    private static void wrapAfter(StringBuilder text, String start, String words, int indent) {
        StringBuilder line = new StringBuilder(start);
        boolean empty = true;
        for (String word : words.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                text.append(line.toString().stripTrailing()).append(System.lineSeparator());
                line = new StringBuilder(" ".repeat(indent));
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        text.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
}
