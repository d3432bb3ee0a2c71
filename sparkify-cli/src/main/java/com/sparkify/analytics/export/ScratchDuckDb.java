package com.sparkify.analytics.export;

import com.sparkify.warehouse.duckdb.DuckDbLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/** A temporary DuckDB file, opened on first use and removed on close, that writes other engines' rows as Parquet. */
final class ScratchDuckDb implements AutoCloseable {
    private Path folder;
    private DuckDBConnection connection;

    DuckDBConnection connection() throws SQLException, IOException {
        if (connection == null) {
            DuckDbLibrary.load();
            folder = Files.createTempDirectory("sparkify-export");
            connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("export.duckdb"))
                    .unwrap(DuckDBConnection.class);
        }
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            if (folder != null) {
                ParquetExport.delete(folder);
            }
        }
    }
}
