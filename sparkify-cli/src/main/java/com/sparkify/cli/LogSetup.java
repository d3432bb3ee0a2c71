package com.sparkify.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * sparkify's logging, set up in code (found by logback through {@code META-INF/services}): warnings and
 * errors on stderr, everything from {@code -v} on. In code rather than in a {@code logback.xml}, whose parsing
 * would lengthen every command's start-up. A user's own configuration ({@code -Dlogback.configurationFile})
 * replaces it.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** The name of the appender that writes to stderr, which {@code --log-file} replaces. */
    static final String CONSOLE = "STDERR";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName(CONSOLE);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        // Kept out of -v: their debug logs show request headers and signatures, which carry AWS credentials.
        context.getLogger("org.apache.http").setLevel(Level.INFO);
        context.getLogger("software.amazon.awssdk").setLevel(Level.INFO);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
