package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SparkifyCommandTest {
    @Test
    void everyCommandIsRegisteredUnderItsOwnName() {
        for (Map.Entry<String, Class<?>> entry : SparkifyCommand.COMMANDS.entrySet()) {
            assertThat(entry.getValue().getAnnotation(Command.class).name())
                    .as(entry.getValue().getSimpleName())
                    .isEqualTo(entry.getKey());
        }
        assertThat(SparkifyCommand.commandLine().getSubcommands().keySet())
                .containsExactly(concat(SparkifyCommand.COMMANDS.keySet().toArray(String[]::new), "help"));
    }

    @Test
    void theTreeBuiltForOneCommandBehavesLikeTheWholeTree() {
        for (String name : SparkifyCommand.COMMANDS.keySet()) {
            String[] help = {name, "--help"};
            assertThat(run(SparkifyCommand.commandLine(help), help))
                    .as(name)
                    .isEqualTo(run(SparkifyCommand.commandLine(), help))
                    .contains("Usage: sparkify " + name);
        }
        String[] badFlag = {"etl", "--no-such-flag"};
        assertThat(run(SparkifyCommand.commandLine(badFlag), badFlag))
                .isEqualTo(run(SparkifyCommand.commandLine(), badFlag))
                .startsWith("2 ");
    }

    @Test
    void anythingButACommandNameGetsTheWholeTree() {
        String[] typo = {"etll"};
        assertThat(run(SparkifyCommand.commandLine(typo), typo))
                .startsWith("2 ")
                .contains("etl");
        assertThat(SparkifyCommand.commandLine("--help").getSubcommands()).containsKeys("etl", "query", "help");
        assertThat(SparkifyCommand.commandLine().getSubcommands()).hasSize(10);
    }

    @Test
    void theBenchmarkToolsAreNoCommandOfTheUsers() {
        assertThat(run(SparkifyCommand.commandLine(), "--help"))
                .startsWith("0 ")
                .contains("  etl ", "  export ")
                .doesNotContain("benchmark");
        String[] benchmark = {"benchmark", "prepare"};
        assertThat(run(SparkifyCommand.commandLine(benchmark), benchmark))
                .startsWith("2 ")
                .contains("benchmark");
    }

    private static String run(CommandLine command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(args);
        return code + " " + out + err;
    }

    private static String[] concat(String[] names, String last) {
        String[] all = java.util.Arrays.copyOf(names, names.length + 1);
        all[names.length] = last;
        return all;
    }
}
