package com.sparkify.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQL resources of one engine: {@code sql/<engine>/<name>.sql}, else {@code sql/common/<name>.sql}.
 * Statements end with a semicolon at the end of a line. Parameters are written {@code ${name}} and only
 * take numbers, so no text from outside ever reaches the SQL.
 */
public final class SqlScripts {
    private static final Logger LOG = LoggerFactory.getLogger(SqlScripts.class);
    private final String engine;

    public SqlScripts(String engine) {
        this.engine = engine;
    }

    public String text(String name) {
        for (String folder : List.of(engine, "common")) {
            String resource = "/sql/" + folder + "/" + name + ".sql";
            try (InputStream in = SqlScripts.class.getResourceAsStream(resource)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("no SQL script " + name + " for " + engine);
    }

    public List<String> statements(String name, Map<String, Long> parameters) {
        String text = text(name);
        for (Map.Entry<String, Long> parameter : parameters.entrySet()) {
            text = text.replace("${" + parameter.getKey() + "}", Long.toString(parameter.getValue()));
        }
        if (text.contains("${")) {
            throw new IllegalArgumentException("unbound parameter in " + name + ": " + parameters.keySet());
        }
        return split(text);
    }

    /** The one statement of a one-statement script, without its comments and semicolon. */
    public String statement(String name) {
        return split(text(name)).get(0);
    }

    public static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** Runs a script, statement by statement. */
    public void execute(Connection connection, String name, Map<String, Long> parameters) {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(name, parameters)) {
                statement.execute(sql);
            }
            LOG.debug("{} ({}) took {} ms", name, engine, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw WarehouseErrors.translate("The warehouse rejected script " + name, e);
        }
    }
}
