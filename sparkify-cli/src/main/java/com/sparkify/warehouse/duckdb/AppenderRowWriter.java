package com.sparkify.warehouse.duckdb;

import com.sparkify.ingest.RowWriter;
import com.sparkify.warehouse.WarehouseErrors;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/** Writes staged rows through DuckDB's Appender, with the lineage columns after the layout's. */
final class AppenderRowWriter implements RowWriter {
    private final DuckDBAppender appender;
    private final long loadId;
    private String sourceFile;

    AppenderRowWriter(DuckDBAppender appender, long loadId) {
        this.appender = appender;
        this.loadId = loadId;
    }

    void startFile(String uri) {
        this.sourceFile = uri;
    }

    @Override
    public void write(Object[] values, long sourceRecord) {
        try {
            appender.beginRow();
            for (Object value : values) {
                if (value == null) {
                    appender.appendNull();
                } else if (value instanceof String text) {
                    appender.append(text);
                } else if (value instanceof Long number) {
                    appender.append(number.longValue());
                } else if (value instanceof Integer number) {
                    appender.append(number.intValue());
                } else {
                    appender.append(((Double) value).doubleValue());
                }
            }
            appender.append(sourceFile);
            appender.append(sourceRecord);
            appender.append(loadId);
            appender.endRow();
        } catch (SQLException e) {
            throw WarehouseErrors.translate("Cannot stage a row of " + sourceFile, e);
        }
    }
}
