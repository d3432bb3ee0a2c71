package com.sparkify.warehouse.redshift;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import com.sparkify.ingest.Field;
import com.sparkify.ingest.RecordLayout;
import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written stand-in for Redshift's {@code COPY ... FORMAT AS JSON 'jsonpaths'}, for running the rest of
 * the Redshift loader on PostgreSQL. It copies what the Redshift documentation describes, as far as sparkify
 * relies on it: each JSON object is one row, a JSONPath maps a key to the column of the same position, a
 * missing key or JSON null loads NULL, an object or array where text belongs loads its JSON text, a number in a
 * string loads as that number, a fraction or text in an integer column is an error, a string longer than its
 * column's declared bytes is an error (no TRUNCATECOLUMNS), and each error is a row of {@code stl_load_errors}
 * with the line and the first 1,024 bytes of its raw text. Invalid JSON ends the file; a damaged gzip
 * fails the COPY. What Redshift really
 * does is verified only against a real cluster ({@code RedshiftClusterIT}).
 */
final class FakeCopier implements Copier {
    private static final MappingJsonFactory JSON = new MappingJsonFactory();

    /** The COPY statements it was given, in order. */
    final List<String> statements = new ArrayList<>();

    @Override
    public List<LoadError> copy(Connection connection, CopyStatement copy, SourceFile file, FileSource source)
            throws SQLException {
        statements.add(copy.sql());
        RecordLayout layout = copy.table().endsWith("events") ? RecordLayout.EVENTS : RecordLayout.SONGS;
        Map<String, Integer> widths = widths(connection, copy.table());
        String text = read(file, source, copy.table());
        String[] lines = text.split("\r?\n", -1);
        List<LoadError> errors = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            while (true) {
                JsonToken token;
                JsonLocation start;
                try {
                    token = parser.nextToken();
                    start = parser.currentTokenLocation();
                    if (token == null) {
                        break;
                    }
                } catch (JsonProcessingException e) {
                    int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
                    errors.add(error(file, line, "Invalid JSON: " + e.getOriginalMessage(), lines));
                    break;
                }
                int line = start.getLineNr();
                JsonNode node;
                try {
                    node = parser.readValueAsTree();
                } catch (JsonProcessingException e) {
                    errors.add(error(file, line, "Invalid JSON: " + e.getOriginalMessage(), lines));
                    break;
                }
                if (!node.isObject()) {
                    errors.add(error(file, line, "Invalid JSONPath format: Member is not an object.", lines));
                    continue;
                }
                try {
                    rows.add(row(node, layout, widths));
                } catch (ColumnError e) {
                    errors.add(error(file, line, e.getMessage(), lines));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        insert(connection, copy, rows);
        return errors;
    }

    private static Object[] row(JsonNode node, RecordLayout layout, Map<String, Integer> widths) throws ColumnError {
        Object[] values = new Object[layout.fields().size()];
        for (int i = 0; i < values.length; i++) {
            Field field = layout.fields().get(i);
            JsonNode value = node.get(field.jsonName());
            values[i] = value == null || value.isNull() ? null : convert(value, field, widths.get(field.column()));
        }
        return values;
    }

    private static Object convert(JsonNode value, Field field, Integer width) throws ColumnError {
        String text = value.isValueNode() ? value.asText() : value.toString();
        switch (field.type()) {
            case TEXT -> {
                if (width != null && text.getBytes(StandardCharsets.UTF_8).length > width) {
                    throw new ColumnError("String length exceeds DDL length", field, text);
                }
                return text;
            }
            case BIGINT, INTEGER -> {
                try {
                    BigDecimal number = new BigDecimal(text.strip());
                    return field.type() == com.sparkify.ingest.FieldType.BIGINT
                            ? number.longValueExact()
                            : number.intValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new ColumnError(
                            "Invalid digit, Value '" + firstBad(text) + "', Pos 0, Type: "
                                    + (field.type() == com.sparkify.ingest.FieldType.BIGINT ? "Long" : "Integer"),
                            field,
                            text);
                }
            }
            default -> {
                try {
                    return Double.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    throw new ColumnError(
                            "Invalid digit, Value '" + firstBad(text) + "', Pos 0, Type: Double", field, text);
                }
            }
        }
    }

    private static String firstBad(String text) {
        return text.isEmpty() ? "" : text.substring(0, 1);
    }

    private static LoadError error(SourceFile file, int line, String reason, String[] lines) {
        String raw = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        return new LoadError(file.uri(), line, reason, firstBytes(raw, 1024));
    }

    private static String firstBytes(String text, int limit) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limit) {
            return text;
        }
        return new String(bytes, 0, limit, StandardCharsets.UTF_8).replace("\uFFFD", "");
    }

    /** COPY decompresses the object itself: a damaged gzip fails the whole statement, not one row. */
    private static String read(SourceFile file, FileSource source, String table) throws SQLException {
        try (InputStream in = source.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException(
                    "Load into table '" + table + "' failed: cannot decompress " + file.uri() + " (" + e.getMessage()
                            + ")",
                    "XX000",
                    e);
        }
    }

    /** The declared width of each VARCHAR column of the table, as COPY checks it. */
    private static Map<String, Integer> widths(Connection connection, String table) throws SQLException {
        Map<String, Integer> widths = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT column_name, character_maximum_length FROM information_schema.columns "
                        + "WHERE table_name = ? AND character_maximum_length IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    widths.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return widths;
    }

    private static void insert(Connection connection, CopyStatement copy, List<Object[]> rows) throws SQLException {
        String sql = "INSERT INTO " + copy.table() + " (" + String.join(", ", copy.columns()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(copy.columns().size(), "?")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A value COPY cannot load into its column. */
    private static final class ColumnError extends Exception {
        private static final long serialVersionUID = 1L;

        ColumnError(String reason, Field field, String value) {
            super(reason + " (column " + field.column() + ", value '"
                    + (value.length() > 60 ? value.substring(0, 60) : value) + "')");
        }
    }
}
