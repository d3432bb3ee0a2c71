package com.sparkify.warehouse.redshift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.sparkify.ingest.Field;
import com.sparkify.ingest.RecordLayout;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The JSONPaths file of a record layout: one path per staging column, in column order, as COPY maps the n-th
 * path to the n-th column. For events this is the classic {@code log_json_path.json}.
 */
final class JsonPaths {
    private static final ObjectWriter JSON =
            new ObjectMapper().writer(new DefaultPrettyPrinter().withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonPaths() {}

    static String of(RecordLayout layout) {
        List<String> paths = layout.fields().stream()
                .map(field -> "$['" + field.jsonName() + "']")
                .toList();
        try {
            return JSON.writeValueAsString(Map.of("jsonpaths", paths)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The staging columns COPY fills, in the order of the paths. */
    static List<String> columns(RecordLayout layout) {
        return layout.fields().stream().map(Field::column).toList();
    }
}
