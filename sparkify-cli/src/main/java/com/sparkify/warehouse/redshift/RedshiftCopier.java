package com.sparkify.warehouse.redshift;

import com.sparkify.source.FileSource;
import com.sparkify.source.SourceFile;
import com.sparkify.warehouse.SqlScripts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs COPY on the server, then reads the rows it rejected from {@code stl_load_errors}. */
final class RedshiftCopier implements Copier {
    private final SqlScripts scripts = new SqlScripts("redshift");

    @Override
    public List<LoadError> copy(Connection connection, CopyStatement copy, SourceFile file, FileSource source)
            throws SQLException {
        List<LoadError> errors = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute(copy.sql());
            try (ResultSet rows = statement.executeQuery(scripts.text("copy_load_errors"))) {
                while (rows.next()) {
                    errors.add(new LoadError(
                            file.uri(),
                            rows.getLong("line_number"),
                            reason(rows.getString("err_reason"), rows.getString("colname"), rows.getString("value")),
                            String.valueOf(rows.getString("raw_line"))));
                }
            }
        }
        return errors;
    }

    private static String reason(String reason, String column, String value) {
        StringBuilder text = new StringBuilder(String.valueOf(reason).strip());
        if (column != null && !column.isBlank()) {
            text.append(" (column ").append(column.strip());
            if (value != null && !value.isBlank()) {
                text.append(", value '").append(value.strip()).append('\'');
            }
            text.append(')');
        }
        return text.toString();
    }
}
