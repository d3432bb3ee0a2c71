package com.sparkify.warehouse.redshift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.sparkify.source.SourceFile;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A COPY manifest: exactly the objects to load, each mandatory, so that COPY neither loads an object the
 * ledger already has (a COPY FROM a prefix would) nor skips one that vanished.
 */
final class Manifest {
    private static final ObjectWriter JSON =
            new ObjectMapper().writer(new DefaultPrettyPrinter().withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Manifest() {}

    static String of(List<SourceFile> files) {
        List<Map<String, Object>> entries = files.stream()
                .map(file -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("url", file.uri());
                    entry.put("mandatory", true);
                    return entry;
                })
                .toList();
        try {
            return JSON.writeValueAsString(Map.of("entries", entries)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
