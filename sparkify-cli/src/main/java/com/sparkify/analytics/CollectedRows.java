package com.sparkify.analytics;

import java.util.ArrayList;
import java.util.List;

/** Collects a streamed answer into a {@link QueryResult}, for answers known to be small. */
final class CollectedRows implements RowSink {
    private String name;
    private List<String> columns = List.of();
    private final List<List<Object>> rows = new ArrayList<>();
    private List<String> notes = List.of();

    @Override
    public void start(String name, List<String> columns) {
        this.name = name;
        this.columns = columns;
    }

    @Override
    public void row(List<Object> values) {
        rows.add(new ArrayList<>(values));
    }

    @Override
    public void end(List<String> notes) {
        this.notes = notes;
    }

    QueryResult result() {
        return new QueryResult(name, columns, rows, notes);
    }
}
