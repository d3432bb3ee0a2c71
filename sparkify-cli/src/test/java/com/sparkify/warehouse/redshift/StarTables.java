package com.sparkify.warehouse.redshift;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every row of the star schema as engine-neutral text, to compare two engines value by value. */
final class StarTables {
    static final Map<String, String> ORDER = Map.of(
            "songplays", "songplay_id",
            "users", "user_id",
            "user_levels", "user_id, valid_from",
            "songs", "song_id",
            "artists", "artist_id",
            "\"time\"", "start_time");

    private StarTables() {}

    static Map<String, List<String>> read(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : ORDER.entrySet()) {
            tables.put(
                    table.getKey(),
                    rows(connection, "SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue()));
        }
        return tables;
    }

    static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(text(result.getObject(i)));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static long count(Connection connection, String sql) throws SQLException {
        return Long.parseLong(rows(connection, sql).get(0));
    }

    private static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof LocalDateTime time) {
            return time.toString();
        }
        if (value instanceof Float number) {
            return Double.toString(number.doubleValue());
        }
        return value.toString();
    }
}
