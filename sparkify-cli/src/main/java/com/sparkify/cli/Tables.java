package com.sparkify.cli;

import com.sparkify.analytics.QueryResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints a {@link QueryResult} as an aligned text table. */
final class Tables {
    private Tables() {}

    static void print(PrintWriter out, QueryResult result) {
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            cells.add(cells(row));
        }
        print(out, result.name(), result.columns(), cells);
    }

    static List<String> cells(List<Object> row) {
        return row.stream()
                .map(value -> value == null ? "" : String.valueOf(value))
                .toList();
    }

    static void print(PrintWriter out, String name, List<String> header, List<List<String>> cells) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : cells) {
                widths[i] = Math.max(widths[i], Math.min(50, row.get(i).length()));
            }
        }
        out.println("-- " + name);
        out.println(line(header, widths));
        for (List<String> row : cells) {
            out.println(line(row, widths));
        }
        out.println();
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value.length() > 50) {
                value = value.substring(0, 47) + "...";
            }
            line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", value));
        }
        return line.toString().stripTrailing();
    }
}
