package com.sparkify.warehouse.redshift;

import static java.util.Objects.requireNonNull;

/**
 * A row Redshift's COPY rejected, as {@code stl_load_errors} tells it.
 *
 * @param file the s3:// uri of the object
 * @param line the line of the object the row started on
 * @param reason Redshift's reason, with the column and value at fault
 * @param rawText the raw line, as much as Redshift keeps (1,024 bytes)
 */
record LoadError(String file, long line, String reason, String rawText) {
    LoadError {
        requireNonNull(file, "file is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(rawText, "rawText is null");
    }
}
