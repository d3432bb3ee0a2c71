package com.sparkify.warehouse.redshift;

import com.sparkify.config.Settings;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sessions whose search_path names the warehouse's schema ({@code --schema}), so that the SQL stays
 * unqualified; without a schema, the database user's default ({@code public}). The first session creates the
 * schema when it is missing.
 */
final class SchemaSessions implements RedshiftWarehouse.Sessions {
    private final Supplier<Connection> connect;
    private final Optional<String> schema;
    private boolean schemaReady;

    SchemaSessions(Supplier<Connection> connect, Optional<String> schema) {
        this.connect = connect;
        this.schema = schema;
    }

    @Override
    public Connection open() {
        Connection connection = connect.get();
        if (schema.isEmpty()) {
            return connection;
        }
        String name = quote(schema.get());
        try (Statement statement = connection.createStatement()) {
            if (!schemaReady) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + name);
                schemaReady = true;
            }
            statement.execute("SET search_path TO " + name);
            return connection;
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException close) {
                e.addSuppressed(close);
            }
            throw WarehouseErrors.translate("Cannot use schema " + schema.get(), e);
        }
    }

    /** A schema name as a quoted identifier: validated by Settings, and quoted anyway, never pasted raw. */
    static String quote(String name) {
        if (!Settings.SCHEMA_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid schema name: " + name);
        }
        return '"' + name + '"';
    }
}
