package com.sparkify.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one line a command prints under {@code --json}: compact, so that a scheduler that keeps the last line
 * of stdout (Airflow's XCom) keeps all of it. Every line starts with the envelope, {@code schema_version},
 * {@code command}, {@code ok} and {@code exit_code}, then {@code error} ({@code kind}, {@code message}) when
 * the command failed, then the fields of the command's result.
 */
final class Json {
    /** Raised when a field of the envelope changes meaning or goes; a new field does not raise it. */
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The line of a command that succeeded with {@code result}. */
    static String success(CommandSpec command, Object result) {
        return write(envelope(name(command), 0, null, null, result));
    }

    /** The line of a command that did its work: failed with {@code failure} if present, else succeeded. */
    static String outcome(CommandSpec command, Optional<CommandFailure> failure, Object result) {
        return failure.map(f ->
                        failure(name(command), f.code().exitCode(), f.code().name(), f.message(), result))
                .orElseGet(() -> success(command, result));
    }

    /** The line of a command that failed with {@code exitCode}; {@code result} may be null. */
    static String failure(String command, int exitCode, String kind, String message, Object result) {
        return write(envelope(command, exitCode, kind, message, result));
    }

    static void print(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    /** The command's name without the root's: {@code etl}, {@code cluster status}. */
    static String name(CommandSpec command) {
        String qualified = command.qualifiedName();
        int space = qualified.indexOf(' ');
        return space < 0 ? qualified : qualified.substring(space + 1);
    }

    private static ObjectNode envelope(String command, int exitCode, String kind, String message, Object result) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("schema_version", SCHEMA_VERSION);
        line.put("command", command);
        line.put("ok", exitCode == 0);
        line.put("exit_code", exitCode);
        if (kind != null) {
            ObjectNode error = line.putObject("error");
            error.put("kind", kind);
            error.put("message", message);
        }
        if (result != null) {
            line.setAll((ObjectNode) MAPPER.valueToTree(result));
        }
        return line;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
        }
    }
}
