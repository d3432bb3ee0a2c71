package com.sparkify.analytics;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An analysis's SQL with its parameters bound: {@code ${limit}} becomes a number in the text, and
 * {@code ${from}} / {@code ${to}} (the period's first instant and the instant after it) become JDBC
 * parameters, so that no text from outside reaches the SQL and every engine compares real timestamps.
 *
 * @param sql the statement, with {@code ?} for each period bound
 * @param parameters the values of the {@code ?}, in order
 */
record SqlTemplate(String sql, List<LocalDateTime> parameters) {
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{(\\w+)}");

    SqlTemplate {
        parameters = List.copyOf(parameters);
    }

    static SqlTemplate bind(String text, long limit, Period period) {
        List<LocalDateTime> parameters = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(text);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String replacement =
                    switch (matcher.group(1)) {
                        case "limit" -> Long.toString(limit);
                        case "from" -> parameter(parameters, period.start());
                        case "to" -> parameter(parameters, period.end());
                        default -> throw new IllegalArgumentException("unknown parameter " + matcher.group());
                    };
            matcher.appendReplacement(sql, replacement);
        }
        matcher.appendTail(sql);
        String statement = sql.toString().strip();
        return new SqlTemplate(
                statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement, parameters);
    }

    private static String parameter(List<LocalDateTime> parameters, LocalDateTime value) {
        parameters.add(value);
        return "?";
    }
}
