package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception into one clear line on stderr and a documented exit code; under {@code --json}, also
 * into the one JSON line on stdout.
 */
final class ExitCodes
        implements IExecutionExceptionHandler,
                CommandLine.IExitCodeExceptionMapper,
                CommandLine.IParameterExceptionHandler {
    private static final String JSON_OPTION = "--json";

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = unknownCommand(e).orElse(e.getMessage());
        err.println("error: " + message);
        err.println("Usage: " + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        if (Arrays.asList(args).contains(JSON_OPTION)) {
            printJson(command, ErrorCode.USAGE, message);
        }
        return ErrorCode.USAGE.exitCode();
    }

    /**
     * For a mistyped command, the command it most likely meant; picocli's own suggestion compares letter
     * pairs, and offers {@code help} for {@code elt}.
     */
    private static Optional<String> unknownCommand(CommandLine.ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
                || command.getSubcommands().isEmpty()
                || unmatched.getUnmatched().isEmpty()
                || unmatched.getUnmatched().get(0).startsWith("-")) {
            return Optional.empty();
        }
        String typed = unmatched.getUnmatched().get(0);
        Set<String> names = new TreeSet<>(command.getSubcommands().keySet());
        String known = command.getCommandSpec().qualifiedName() + " has no command '" + typed + "'";
        return Optional.of(Suggestion.closest(typed, names)
                .map(name -> known + "; did you mean '" + name + "'?")
                .orElse(known + "; the commands are " + String.join(", ", names)));
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        boolean verbose = parseResult.expandedArgs().contains("-v")
                || parseResult.expandedArgs().contains("--verbose");
        err.println("error: " + message(e));
        if (verbose) {
            e.printStackTrace(err);
        } else if (!(e instanceof SparkifyException)) {
            err.println("(an unexpected error; run again with -v for the stack trace, and please report it)");
        }
        err.flush();
        ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        if (leaf.hasMatchedOption(JSON_OPTION)) {
            printJson(command, kind(e), message(e));
        }
        return getExitCode(e);
    }

    /** The error as the one line of {@code --json} on stdout; the text line stays on stderr for the log. */
    private void printJson(CommandLine command, ErrorCode code, String message) {
        Json.print(
                command.getOut(),
                Json.failure(Json.name(command.getCommandSpec()), code.exitCode(), code.name(), message, null));
    }

    private static ErrorCode kind(Throwable e) {
        if (e instanceof SparkifyException sparkify) {
            return sparkify.code();
        }
        return e instanceof CommandLine.ParameterException ? ErrorCode.USAGE : ErrorCode.INTERNAL;
    }

    @Override
    public int getExitCode(Throwable e) {
        return kind(e).exitCode();
    }

    static String message(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        if (!(e instanceof SparkifyException)
                && cause != null
                && cause.getMessage() != null
                && !message.toString().contains(cause.getMessage())) {
            message.append(": ").append(cause.getMessage());
        }
        return message.toString().replace('\n', ' ');
    }
}
