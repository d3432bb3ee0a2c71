package com.sparkify.warehouse.redshift;

import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Runs one COPY. On Redshift the server reads S3 itself; tests put a hand-written fake in its place. */
interface Copier {
    /**
     * Copies the one object of the statement's manifest into its table, in the connection's transaction.
     *
     * @return the rows the COPY rejected
     */
    List<LoadError> copy(Connection connection, CopyStatement copy, SourceFile file, FileSource source)
            throws SQLException;
}
