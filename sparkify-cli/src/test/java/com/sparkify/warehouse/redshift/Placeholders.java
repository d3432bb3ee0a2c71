package com.sparkify.warehouse.redshift;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a script given a value a grammar accepts, outside strings, quoted names and comments:
 * JDBC's {@code ?} becomes {@code NULL}, a {@code ${name}} parameter becomes {@code 1}.
 */
final class Placeholders {
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{[a-z_]+}");

    private Placeholders() {}

    static String substitute(String sql) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = closing(sql, i, c);
            } else if (sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
            } else {
                Matcher parameter = PARAMETER.matcher(sql).region(i, sql.length());
                if (parameter.lookingAt()) {
                    out.append('1');
                    i = parameter.end();
                } else {
                    out.append(c == '?' ? "NULL" : String.valueOf(c));
                    i++;
                }
                continue;
            }
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }

    /** The index after the quote that closes the one at {@code start}; a doubled quote does not close. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
