package com.sparkify.warehouse;

import java.sql.Connection;

/** A {@link Warehouse} of an engine reached through JDBC: its session and its reader share one connection. */
public interface JdbcWarehouse extends Warehouse {
    /**
     * The JDBC connection of the run's session, for the engine's own operations. Auto-commit is off. Code
     * outside the engines works through {@link #session()} and {@link #reader()}.
     */
    Connection connection();

    @Override
    default WarehouseSession session() {
        return new JdbcSession(connection(), scripts());
    }

    @Override
    default WarehouseReader reader() {
        return new JdbcReader(connection());
    }
}
