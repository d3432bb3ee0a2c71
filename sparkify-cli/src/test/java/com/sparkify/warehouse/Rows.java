package com.sparkify.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query results rendered the same way on every engine, so that rows can be compared as text: integers in
 * decimal, doubles exactly ({@link Double#toString} round-trips), timestamps to the millisecond, text
 * quoted, NULL as NULL.
 */
public final class Rows {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** The star schema's tables, each ordered by its key. */
    public static final Map<String, String> STAR = starQueries();

    private Rows() {}

    private static Map<String, String> starQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("songplays", "SELECT * FROM songplays ORDER BY songplay_id");
        queries.put("users", "SELECT * FROM users ORDER BY user_id");
        queries.put("songs", "SELECT * FROM songs ORDER BY song_id");
        queries.put("artists", "SELECT * FROM artists ORDER BY artist_id");
        queries.put("time", "SELECT * FROM \"time\" ORDER BY start_time");
        return queries;
    }

    public static List<String> of(Connection connection, String sql) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> rendered = new ArrayList<>();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    if (column > 1) {
                        row.append(" | ");
                    }
                    row.append(render(rows, column, meta.getColumnType(column)));
                }
                rendered.add(row.toString());
            }
            return rendered;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The single value of a one-row, one-column query. */
    public static String single(Connection connection, String sql) {
        List<String> rows = of(connection, sql);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row from " + sql + ", found " + rows);
        }
        return rows.get(0);
    }

    /** Every star table's rows, by table. */
    public static Map<String, List<String>> star(Connection connection) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        STAR.forEach((table, sql) -> tables.put(table, of(connection, sql)));
        return tables;
    }

    private static String render(ResultSet rows, int column, int type) throws SQLException {
        if (type == Types.TIMESTAMP) {
            LocalDateTime time = rows.getObject(column, LocalDateTime.class);
            return time == null ? "NULL" : MILLIS.format(time);
        }
        Object value = rows.getObject(column);
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Double || value instanceof Float) {
            return Double.toString(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return Long.toString(number.longValue());
        }
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        return value.getClass().getSimpleName() + ":" + value;
    }
}
