package com.sparkify.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A {@link QueryResult} as CSV or JSON text. */
public final class QueryResultText {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QueryResultText() {}

    /** RFC 4180: a header line, then one line per row; null is an empty field. Notes are left out. */
    public static String csv(QueryResult result) {
        StringBuilder csv = new StringBuilder();
        csv.append(csvLine(List.copyOf(result.columns()))).append("\r\n");
        for (List<Object> row : result.rows()) {
            csv.append(csvLine(row)).append("\r\n");
        }
        return csv.toString();
    }

    private static String csvLine(List<?> values) {
        return values.stream().map(QueryResultText::csvField).collect(Collectors.joining(","));
    }

    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean quote = text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")
                || (!text.isEmpty()
                        && (Character.isWhitespace(text.charAt(0))
                                || Character.isWhitespace(text.charAt(text.length() - 1))));
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** {@code {"query": name, "rows": [{column: value, ...}], "notes": [...]}}, numbers as JSON numbers. */
    public static String json(QueryResult result) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("query", result.name());
        document.put("columns", result.columns());
        document.put(
                "rows",
                result.rows().stream()
                        .map(row -> {
                            Map<String, Object> object = new LinkedHashMap<>();
                            for (int i = 0; i < row.size(); i++) {
                                object.put(result.columns().get(i), row.get(i));
                            }
                            return object;
                        })
                        .toList());
        document.put("notes", result.notes());
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer of " + result.name() + " as JSON", e);
        }
    }
}
