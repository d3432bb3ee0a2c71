package com.sparkify.analytics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * A query's answer as CSV or JSON text, written row by row to a {@link Writer} as the rows arrive
 * ({@link #csv(Writer)}, {@link #json(Writer)}), or all at once from a {@link QueryResult}. A failed write
 * is an {@link UncheckedIOException}.
 */
public final class QueryResultText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryResultText() {}

    /** RFC 4180: a header line, then one line per row; null is an empty field. Notes are left out. */
    public static RowSink csv(Writer out) {
        return new Csv(out);
    }

    /**
     * One JSON document, indented, written as the rows arrive: {@code {"query": name, "columns": [...],
     * "rows": [{column: value, ...}], "notes": [...]}}, numbers as JSON numbers.
     */
    public static RowSink json(Writer out) {
        try {
            JsonGenerator generator = JSON.getFactory().createGenerator(out).useDefaultPrettyPrinter();
            // The writer belongs to the caller: the generator flushes into it and leaves it open.
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            return new Json(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String csv(QueryResult result) {
        StringWriter text = new StringWriter();
        replay(result, csv(text));
        return text.toString();
    }

    public static String json(QueryResult result) {
        StringWriter text = new StringWriter();
        replay(result, json(text));
        return text.toString();
    }

    private static void replay(QueryResult result, RowSink sink) {
        sink.start(result.name(), result.columns());
        result.rows().forEach(sink::row);
        sink.end(result.notes());
    }

    private static final class Csv implements RowSink {
        private final Writer out;
        private final StringBuilder line = new StringBuilder();

        Csv(Writer out) {
            this.out = out;
        }

        @Override
        public void start(String name, List<String> columns) {
            row(List.copyOf(columns));
        }

        @Override
        public void row(List<Object> values) {
            line.setLength(0);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                field(values.get(i));
            }
            line.append("\r\n");
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void field(Object value) {
            if (value == null) {
                return;
            }
            String text = value.toString();
            boolean quote = text.contains(",")
                    || text.contains("\"")
                    || text.contains("\n")
                    || text.contains("\r")
                    || (!text.isEmpty()
                            && (Character.isWhitespace(text.charAt(0))
                                    || Character.isWhitespace(text.charAt(text.length() - 1))));
            line.append(quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
        }

        @Override
        public void end(List<String> notes) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Json implements RowSink {
        private final JsonGenerator generator;
        private List<String> columns = List.of();

        Json(JsonGenerator generator) {
            this.generator = generator;
        }

        @Override
        public void start(String name, List<String> columns) {
            this.columns = List.copyOf(columns);
            try {
                generator.writeStartObject();
                generator.writeStringField("query", name);
                generator.writeObjectField("columns", this.columns);
                generator.writeArrayFieldStart("rows");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(List<Object> values) {
            try {
                generator.writeStartObject();
                for (int i = 0; i < values.size(); i++) {
                    generator.writeFieldName(columns.get(i));
                    value(values.get(i));
                }
                generator.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        // The common types directly: the mapper would look up a serializer for every value.
        private void value(Object value) throws IOException {
            if (value == null) {
                generator.writeNull();
            } else if (value instanceof String text) {
                generator.writeString(text);
            } else if (value instanceof Long number) {
                generator.writeNumber(number);
            } else if (value instanceof BigDecimal number) {
                generator.writeNumber(number);
            } else if (value instanceof Boolean truth) {
                generator.writeBoolean(truth);
            } else {
                generator.writeObject(value);
            }
        }

        @Override
        public void end(List<String> notes) {
            try {
                generator.writeEndArray();
                generator.writeObjectField("notes", notes);
                generator.writeEndObject();
                generator.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
