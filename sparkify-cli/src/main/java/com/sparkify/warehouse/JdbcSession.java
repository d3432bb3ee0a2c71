package com.sparkify.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link WarehouseSession} over a JDBC connection, shared by the JDBC engines. */
public class JdbcSession implements WarehouseSession {
    private final Connection connection;
    private final SqlScripts scripts;

    public JdbcSession(Connection connection, SqlScripts scripts) {
        this.connection = connection;
        this.scripts = scripts;
    }

    /** The connection underneath, for an engine's own operations. */
    protected Connection connection() {
        return connection;
    }

    @Override
    public SqlScripts scripts() {
        return scripts;
    }

    @Override
    public void execute(String script, Map<String, Long> parameters) {
        scripts.execute(connection, script, parameters);
    }

    @Override
    public void update(String script, List<?> values) {
        try (PreparedStatement statement = connection.prepareStatement(scripts.statement(script))) {
            bind(statement, values);
            statement.execute();
        } catch (SQLException e) {
            throw WarehouseErrors.translate("The warehouse rejected script " + script, e);
        }
    }

    @Override
    public void updateAll(String script, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(scripts.statement(script))) {
            for (List<?> row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw WarehouseErrors.translate("The warehouse rejected script " + script, e);
        }
    }

    @Override
    public List<Row> query(String sql) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            List<Row> result = new ArrayList<>();
            while (rows.next()) {
                List<Object> values = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    values.add(rows.getObject(column));
                }
                result.add(new Row(values));
            }
            return result;
        } catch (SQLException e) {
            throw WarehouseErrors.translate("The warehouse rejected a query", e);
        }
    }

    @Override
    public boolean hasTable(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Expected a table name of a-z and _, found '" + table + "'");
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException missing) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException rollback) {
                missing.addSuppressed(rollback);
                throw WarehouseErrors.translate("Cannot look for table " + table, missing);
            }
            return false;
        }
    }

    @Override
    public void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot commit", e);
        }
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot roll back", e);
        }
    }

    /** Closes the connection: a side session owns its connection; the run's session is closed with its warehouse. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot close the session", e);
        }
    }

    private static void bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
