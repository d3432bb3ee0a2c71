package com.sparkify.analytics;

import com.sparkify.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Counts the text of the star schema that looks double-encoded (UTF-8 read as Latin-1, see {@link
 * TextRepair}): per column, distinct values and rows. It informs, it does not fail: such text is a property
 * of the source, and answers show it repaired.
 */
public final class TextEncodingScan {
    /**
     * One column's count.
     *
     * @param column {@code table.column}
     * @param values distinct non-null values
     * @param doubleEncodedValues of those, values that look double-encoded
     * @param doubleEncodedRows rows holding such a value
     * @param example one such value as stored, or null
     */
    public record ColumnCount(
            String column, long values, long doubleEncodedValues, long doubleEncodedRows, String example) {
        public String repairedExample() {
            return TextRepair.repair(example);
        }
    }

    private final AnalyticsQueries queries;

    public TextEncodingScan(Warehouse warehouse) {
        this.queries = new AnalyticsQueries(warehouse);
    }

    public List<ColumnCount> run() {
        QueryResult values =
                queries.query("analytics/text_values", "text_values", 0, Period.ALL, UnaryOperator.identity());
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        for (List<Object> row : values.rows()) {
            String column = (String) row.get(0);
            String value = (String) row.get(1);
            long[] count = counts.computeIfAbsent(column, c -> new long[3]);
            if (value == null) {
                continue;
            }
            count[0]++;
            if (TextRepair.looksDoubleEncoded(value)) {
                count[1]++;
                count[2] += (Long) row.get(2);
                examples.putIfAbsent(column, value);
            }
        }
        List<ColumnCount> result = new ArrayList<>();
        counts.forEach((column, count) ->
                result.add(new ColumnCount(column, count[0], count[1], count[2], examples.get(column))));
        return result;
    }

    /** Distinct values that look double-encoded, over all columns. */
    public static long total(List<ColumnCount> counts) {
        return counts.stream().mapToLong(ColumnCount::doubleEncodedValues).sum();
    }
}
