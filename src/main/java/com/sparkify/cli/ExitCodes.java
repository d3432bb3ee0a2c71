package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns an exception into one clear line on stderr and a documented exit code. */
final class ExitCodes
        implements IExecutionExceptionHandler,
                CommandLine.IExitCodeExceptionMapper,
                CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + unknownCommand(e).orElse(e.getMessage()));
        err.println("Usage: " + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
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
        return getExitCode(e);
    }

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof SparkifyException sparkify) {
            return sparkify.code().exitCode();
        }
        if (e instanceof CommandLine.ParameterException) {
            return ErrorCode.USAGE.exitCode();
        }
        return ErrorCode.INTERNAL.exitCode();
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
