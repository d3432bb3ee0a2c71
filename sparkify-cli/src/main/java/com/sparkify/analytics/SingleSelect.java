package com.sparkify.analytics;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.util.Locale;

/**
 * Checks that ad-hoc SQL is one SELECT or WITH statement, before the warehouse sees it. It reads the text
 * as a lexer would: quoted strings, quoted names, PostgreSQL dollar quotes and comments may hold anything,
 * a semicolon elsewhere ends the statement. The read-only transaction around the query is the real guard;
 * this check gives a clear message and keeps multi-statement text away from drivers that would run it all.
 */
final class SingleSelect {
    private SingleSelect() {}

    /** The statement without a trailing semicolon. */
    static String require(String sql) {
        String statement = withoutTrailingSemicolon(sql);
        String keyword = firstKeyword(statement);
        if (!keyword.equals("SELECT") && !keyword.equals("WITH")) {
            throw new SparkifyException(
                    ErrorCode.USAGE,
                    "Expected --sql to be one SELECT or WITH statement (it runs read-only), found "
                            + (keyword.isEmpty() ? "no statement" : keyword));
        }
        return statement;
    }

    private static String withoutTrailingSemicolon(String sql) {
        int end = -1;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i, String.valueOf(c));
            } else if (c == '-' && sql.startsWith("--", i)) {
                i = lineEnd(sql, i);
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = closing(sql, i + 1, "*/");
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                i = closing(sql, i + tag.length() - 1, tag);
            } else if (c == ';') {
                if (end >= 0 || !onlyCommentsAfter(sql, i + 1)) {
                    throw new SparkifyException(
                            ErrorCode.USAGE,
                            "Expected --sql to be one statement, found several (a ';' before the end)");
                }
                end = i;
                i++;
            } else {
                i++;
            }
        }
        return (end >= 0 ? sql.substring(0, end) : sql).strip();
    }

    private static boolean onlyCommentsAfter(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                i = lineEnd(sql, i);
            } else if (sql.startsWith("/*", i)) {
                i = closing(sql, i + 1, "*/");
            } else {
                return false;
            }
        }
        return true;
    }

    /** The index after the {@code end} that closes the token opened at {@code start}. */
    private static int closing(String sql, int start, String end) {
        int found = sql.indexOf(end, start + 1);
        if (found < 0) {
            throw new SparkifyException(
                    ErrorCode.USAGE, "Expected --sql to close what it opens, found no closing " + end);
        }
        return found + end.length();
    }

    private static int lineEnd(String sql, int start) {
        int newline = sql.indexOf('\n', start);
        return newline < 0 ? sql.length() : newline + 1;
    }

    /** {@code $$} or {@code $tag$} at {@code i}, else null. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        boolean tagged =
                j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)));
        return tagged ? sql.substring(i, j + 1) : null;
    }

    private static String firstKeyword(String statement) {
        String rest = statement;
        while (true) {
            rest = rest.stripLeading();
            if (rest.startsWith("--")) {
                rest = rest.substring(lineEnd(rest, 0));
            } else if (rest.startsWith("/*")) {
                rest = rest.substring(closing(rest, 1, "*/"));
            } else if (rest.startsWith("(")) {
                rest = rest.substring(1);
            } else {
                break;
            }
        }
        int end = 0;
        while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
            end++;
        }
        return rest.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
