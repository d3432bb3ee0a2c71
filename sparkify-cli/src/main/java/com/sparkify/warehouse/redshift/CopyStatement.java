package com.sparkify.warehouse.redshift;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One COPY of JSON objects listed in a manifest. {@code TRUNCATECOLUMNS} is deliberately absent: a value longer
 * than its column is rejected into {@code stl_load_errors} (and from there into {@code load_errors}), never cut
 * short in silence. {@code MAXERROR} is Redshift's largest, so that COPY reads the whole file and sparkify
 * decides with {@code --max-errors}, as on every engine.
 *
 * @param table the temporary table COPY fills
 * @param columns its columns, in the order of the JSONPaths
 * @param manifest s3:// uri of the manifest
 * @param iamRoleArn the role the cluster assumes to read S3
 * @param jsonPaths s3:// uri of the JSONPaths file
 * @param gzip whether the objects are gzipped
 * @param region the region of the buckets, when it is not the cluster's
 */
record CopyStatement(
        String table,
        List<String> columns,
        String manifest,
        String iamRoleArn,
        String jsonPaths,
        boolean gzip,
        Optional<String> region) {
    private static final Pattern KEY_PARAMETERS =
            Pattern.compile("(?i)((?:ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)\\s+(?:AS\\s+)?)'[^']*'");
    private static final Pattern CREDENTIALS_KEYS = Pattern.compile(
            "(?i)((?<![a-z_])(?:aws_access_key_id|aws_secret_access_key|aws_session_token|token)=)[^;']*");

    CopyStatement {
        requireNonNull(table, "table is null");
        columns = List.copyOf(columns);
        requireNonNull(manifest, "manifest is null");
        requireNonNull(iamRoleArn, "iamRoleArn is null");
        requireNonNull(jsonPaths, "jsonPaths is null");
        requireNonNull(region, "region is null");
    }

    String sql() {
        StringBuilder sql = new StringBuilder()
                .append("COPY ")
                .append(table)
                .append(" (")
                .append(String.join(", ", columns))
                .append(")\n")
                .append("FROM ")
                .append(literal(manifest))
                .append('\n')
                .append("IAM_ROLE ")
                .append(literal(iamRoleArn))
                .append('\n')
                .append("FORMAT AS JSON ")
                .append(literal(jsonPaths))
                .append('\n');
        if (gzip) {
            sql.append("GZIP\n");
        }
        region.ifPresent(name -> sql.append("REGION ").append(literal(name)).append('\n'));
        return sql.append("MAXERROR ")
                .append(CopySettings.MAX_ERRORS)
                .append('\n')
                .append("MANIFEST\n")
                .append("COMPUPDATE OFF\n")
                .append("STATUPDATE OFF")
                .toString();
    }

    /**
     * COPY text safe to print: access keys, secret keys and session tokens, in either COPY syntax ({@code
     * CREDENTIALS 'aws_access_key_id=...;aws_secret_access_key=...'} or {@code ACCESS_KEY_ID '...'}), become
     * {@code ****}. The IAM role ARN stays: it names the role and grants nothing to whoever reads it.
     */
    static String redact(String sql) {
        String redacted = CREDENTIALS_KEYS.matcher(sql).replaceAll("$1****");
        return KEY_PARAMETERS.matcher(redacted).replaceAll("$1'****'");
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
