package com.sparkify.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one JSON object into typed values following a {@link RecordLayout}; unknown keys are skipped and noted. */
final class RecordParser {
    private final RecordLayout layout;
    private final Map<String, Integer> index;
    private List<String> unknownKeys = List.of();

    RecordParser(RecordLayout layout) {
        this.layout = layout;
        this.index = layout.indexByJsonName();
    }

    /** A factory whose parsers can read a sub-tree (for objects found where text was expected). */
    static JsonFactory newFactory() {
        MappingJsonFactory factory = new MappingJsonFactory();
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(ByteLines.MAX_LINE_BYTES)
                .maxNumberLength(100_000)
                .build());
        return factory;
    }

    RecordLayout layout() {
        return layout;
    }

    /** Parses the object whose START_OBJECT is the current token; leaves the parser on its END_OBJECT. */
    Object[] parseObject(JsonParser parser) throws IOException, InvalidRecordException {
        Object[] values = new Object[layout.fields().size()];
        unknownKeys = List.of();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            Integer position = index.get(name);
            JsonToken valueToken = parser.nextToken();
            if (position == null) {
                noteUnknown(name);
                parser.skipChildren();
                continue;
            }
            Field field = layout.fields().get(position);
            values[position] = valueToken == JsonToken.VALUE_NULL ? null : convert(parser, valueToken, field);
        }
        if (token != JsonToken.END_OBJECT) {
            throw new InvalidRecordException("Expected a key or '}', found " + token);
        }
        for (int i = 0; i < values.length; i++) {
            Field field = layout.fields().get(i);
            if (field.required() && values[i] == null) {
                throw new InvalidRecordException("Missing required key \"" + field.jsonName() + "\"");
            }
        }
        return values;
    }

    /**
     * The top-level keys of the last object parsed that the layout does not know, each once; the reader
     * counts them only for a record it stages.
     */
    List<String> unknownKeys() {
        return unknownKeys;
    }

    private void noteUnknown(String name) {
        if (unknownKeys.isEmpty()) {
            unknownKeys = new ArrayList<>(2);
        }
        if (!unknownKeys.contains(name)) {
            unknownKeys.add(name);
        }
    }

    private static Object convert(JsonParser parser, JsonToken token, Field field)
            throws IOException, InvalidRecordException {
        try {
            return switch (field.type()) {
                case TEXT -> text(parser, token, field);
                case BIGINT -> integral(parser, token, field, Long.MIN_VALUE, Long.MAX_VALUE);
                case INTEGER -> (int) integral(parser, token, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case DOUBLE -> decimal(parser, token, field);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            // Jackson refuses some extreme numbers (exponents of 10 digits) with an unchecked exception.
            throw new InvalidRecordException(
                    "Key \"" + field.jsonName() + "\" holds a number out of range: " + abbreviate(parser.getText()));
        }
    }

    private static String text(JsonParser parser, JsonToken token, Field field)
            throws IOException, InvalidRecordException {
        if (token.isScalarValue()) {
            return parser.getText();
        }
        // Kept as JSON text, as DuckDB's read_json does, so that nothing is lost and engines agree.
        return parser.readValueAsTree().toString();
    }

    private static long integral(JsonParser parser, JsonToken token, Field field, long min, long max)
            throws IOException, InvalidRecordException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new InvalidRecordException(
                        "Key \"" + field.jsonName() + "\" is out of range: " + parser.getText());
            }
            long value = parser.getLongValue();
            return checkRange(value, min, max, field, parser);
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_STRING) {
            BigDecimal value = decimalOf(parser, token, field, "a whole number");
            try {
                return checkRange(value.longValueExact(), min, max, field, parser);
            } catch (ArithmeticException notIntegral) {
                throw new InvalidRecordException("Expected a whole number for \"" + field.jsonName() + "\", found "
                        + abbreviate(parser.getText()));
            }
        }
        throw wrongType(field, "a whole number", token);
    }

    private static long checkRange(long value, long min, long max, Field field, JsonParser parser)
            throws IOException, InvalidRecordException {
        if (value < min || value > max) {
            throw new InvalidRecordException("Key \"" + field.jsonName() + "\" is out of range: " + parser.getText());
        }
        return value;
    }

    private static double decimal(JsonParser parser, JsonToken token, Field field)
            throws IOException, InvalidRecordException {
        if (token == JsonToken.VALUE_NUMBER_INT
                || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_STRING) {
            double value = token == JsonToken.VALUE_STRING
                    ? decimalOf(parser, token, field, "a number").doubleValue()
                    : parser.getDoubleValue();
            if (Double.isInfinite(value)) {
                throw new InvalidRecordException(
                        "Key \"" + field.jsonName() + "\" is out of range: " + parser.getText());
            }
            return value;
        }
        throw wrongType(field, "a number", token);
    }

    /** Numbers sent as strings ("53") are accepted, as DuckDB's read_json accepts them. */
    private static BigDecimal decimalOf(JsonParser parser, JsonToken token, Field field, String expected)
            throws IOException, InvalidRecordException {
        if (token != JsonToken.VALUE_STRING) {
            return parser.getDecimalValue();
        }
        String text = parser.getText().strip();
        try {
            if (text.length() > 400) {
                throw new NumberFormatException("too long");
            }
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidRecordException("Expected " + expected + " for \"" + field.jsonName() + "\", found \""
                    + abbreviate(parser.getText()) + "\"");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static InvalidRecordException wrongType(Field field, String expected, JsonToken found) {
        return new InvalidRecordException(
                "Expected " + expected + " for \"" + field.jsonName() + "\", found " + describe(found));
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
