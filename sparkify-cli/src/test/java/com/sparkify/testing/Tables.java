package com.sparkify.testing;

import com.sparkify.warehouse.duckdb.DuckDbLibrary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads query results as text rows, for comparing whole tables in tests. */
public final class Tables {
    private Tables() {}

    public static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    public static long count(Connection connection, String sql) throws SQLException {
        return Long.parseLong(rows(connection, sql).get(0));
    }

    /** Each query of {@code queries} followed by its rows: a whole warehouse's state, to compare two of them. */
    public static List<String> state(Connection connection, List<String> queries) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String sql : queries) {
            rows.add(sql);
            rows.addAll(rows(connection, sql));
        }
        return rows;
    }

    /** {@link #state} of a DuckDB file, opened read-only as a BI tool opens it. */
    public static List<String> duckDbState(Path file, List<String> queries) throws SQLException {
        try (Connection reader = readOnlyDuckDb(file)) {
            return state(reader, queries);
        }
    }

    /** A read-only connection to a DuckDB file, as docs/duckdb.md tells a BI tool to open one. */
    public static Connection readOnlyDuckDb(Path file) throws SQLException {
        DuckDbLibrary.load();
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file, properties);
    }
}
