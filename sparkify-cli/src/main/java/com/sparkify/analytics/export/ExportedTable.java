package com.sparkify.analytics.export;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One table written as Parquet.
 *
 * @param table which table
 * @param rows rows written
 * @param folder the table's folder: Parquet files, in partition folders if the table has any
 */
public record ExportedTable(ExportTable table, long rows, Path folder) {
    public ExportedTable {
        requireNonNull(table, "table is null");
        requireNonNull(folder, "folder is null");
    }
}
