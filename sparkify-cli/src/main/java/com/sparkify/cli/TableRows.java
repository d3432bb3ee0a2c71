package com.sparkify.cli;

import com.sparkify.analytics.RowSink;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An answer as a text table of its first rows: the columns are as wide as the rows shown, so those are
 * held until the end; the rows after them are only counted.
 */
final class TableRows implements RowSink {
    private final PrintWriter out;
    private final int maxRows;
    private String name;
    private List<String> columns = List.of();
    private final List<List<String>> shown = new ArrayList<>();
    private long notShown;

    TableRows(PrintWriter out, int maxRows) {
        this.out = out;
        this.maxRows = maxRows;
    }

    @Override
    public void start(String name, List<String> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    @Override
    public void row(List<Object> values) {
        if (shown.size() < maxRows) {
            shown.add(Tables.cells(values));
        } else {
            notShown++;
        }
    }

    @Override
    public void end(List<String> notes) {
        Tables.print(out, name, columns, shown);
        if (notShown > 0) {
            out.println(String.format(
                    Locale.ROOT,
                    "%,d more %s not shown: the table shows the first %,d; --format csv or json gives every row.",
                    notShown,
                    notShown == 1 ? "row" : "rows",
                    maxRows));
        }
        notes.forEach(out::println);
    }
}
