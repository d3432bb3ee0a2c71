package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlScriptsTest {
    private final SqlScripts scripts = new SqlScripts("scripted");

    @Test
    void runsTheStatementsInOrderWithTheirParametersBound() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            run(connection, "CREATE TABLE source AS SELECT * FROM (VALUES (7), (8)) v(n)");
            scripts.execute(connection, "copy_rows", Map.of("extra", -1L));
            assertThat(copied(connection)).containsExactly(-1, 7, 8);
        }
    }

    @Test
    void aParameterLeftUnboundIsRefusedBeforeAnyStatementRuns() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            assertThatThrownBy(() -> scripts.execute(connection, "copy_rows", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unbound parameter in copy_rows");
            try (Statement statement = connection.createStatement();
                    ResultSet tables = statement.executeQuery(
                            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'copied'")) {
                tables.next();
                assertThat(tables.getInt(1)).isZero();
            }
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<Integer> copied(Connection connection) throws SQLException {
        List<Integer> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT n FROM copied ORDER BY n")) {
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
        }
        return values;
    }
}
