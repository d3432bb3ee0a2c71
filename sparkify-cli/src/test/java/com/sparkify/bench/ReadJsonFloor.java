package com.sparkify.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The floor the etl is measured against: DuckDB's own {@code read_json} of the same event files into a bare
 * table with the 18 typed columns, nothing else.
 */
public final class ReadJsonFloor {
    private static final String COLUMNS = "{artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', "
            + "gender: 'VARCHAR', itemInSession: 'BIGINT', lastName: 'VARCHAR', length: 'DOUBLE', level: 'VARCHAR', "
            + "location: 'VARCHAR', method: 'VARCHAR', page: 'VARCHAR', registration: 'DOUBLE', sessionId: 'BIGINT', "
            + "song: 'VARCHAR', status: 'INTEGER', ts: 'BIGINT', userAgent: 'VARCHAR', userId: 'VARCHAR'}";

    /** Loads every event file below {@code logs} into a new table of a new DuckDB file; returns rows loaded. */
    public long load(Path logs, Path databaseFile) throws IOException, SQLException {
        Object[] files =
                DatasetReplicator.jsonFiles(logs).stream().map(Path::toString).toArray();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + databaseFile)) {
            try (PreparedStatement load =
                    connection.prepareStatement("CREATE TABLE bare_events AS SELECT * FROM read_json(?, "
                            + "format = 'newline_delimited', columns = " + COLUMNS + ")")) {
                load.setObject(1, connection.createArrayOf("VARCHAR", files));
                load.execute();
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM bare_events")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
