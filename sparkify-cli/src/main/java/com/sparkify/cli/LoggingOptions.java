package com.sparkify.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** How much a command logs and where: options every command takes, before or after its name. */
public final class LoggingOptions {
    /** The levels a user may choose, lowest first. */
    enum LogLevel {
        ERROR,
        WARN,
        INFO,
        DEBUG,
        TRACE
    }

    @Option(
            names = {"-v", "--verbose"},
            description = "Log what happens (--log-level debug), and print the stack trace of an error.")
    boolean verbose;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            description = "The least severe log level shown: error, warn (default), info, debug or trace.")
    LogLevel level;

    @Option(
            names = "--log-file",
            paramLabel = "FILE",
            description = "Append the log to FILE instead of stderr. Errors still end with their one line on stderr.")
    Path file;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print results and errors only: no progress bar, no configuration warnings, no log below"
                    + " error (unless --log-level says otherwise).")
    boolean quiet;

    /** Sets the log's level and destination from the options; the defaults leave logging as configured. */
    void apply() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (level != null) {
            root.setLevel(Level.toLevel(level.name()));
        } else if (verbose) {
            root.setLevel(Level.DEBUG);
        } else if (quiet) {
            root.setLevel(Level.ERROR);
        }
        if (file != null) {
            logTo(root, file);
        }
    }

    boolean quiet() {
        return quiet;
    }

    /** Replaces the console appender by one that appends to {@code path}. */
    private static void logTo(Logger root, Path path) {
        Path absolute = path.toAbsolutePath();
        if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
            throw new SparkifyException(
                    ErrorCode.USAGE,
                    "Expected an existing folder for --log-file " + path + ", found none: create "
                            + absolute.getParent());
        }
        LoggerContext context = root.getLoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX, UTC} %-5level %logger{0} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(absolute.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            throw new SparkifyException(
                    ErrorCode.USAGE, "Cannot write the log file " + path + "; check --log-file and its permissions");
        }
        Appender<ILoggingEvent> console = root.getAppender(LogSetup.CONSOLE);
        if (console != null) {
            root.detachAppender(console);
        }
        root.addAppender(appender);
    }
}
