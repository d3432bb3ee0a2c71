package com.sparkify.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads one JSON object into typed values following a {@link RecordLayout}; unknown keys are skipped and noted. */
final class RecordParser {
    /** A whole number written without fraction or exponent, in a string: read exactly, as long as it fits. */
    private static final Pattern WHOLE = Pattern.compile("\\s*[+-]?[0-9]+\\s*");

    private static final double EXACT_DOUBLES = 0x1p53;

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
        // DuckDB's reader accepts {"a":1,} and NaN, Infinity, -Infinity: so does this parser, so that both
        // paths stage the same records. Where a number belongs, NaN and Infinity are out of range.
        factory.enable(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature());
        factory.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
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
            try {
                values[position] = valueToken == JsonToken.VALUE_NULL ? null : convert(parser, valueToken, field);
            } catch (InvalidRecordException e) {
                // The reader goes on after this object, so a bad value must not leave it in the middle.
                skipRestOfObject(parser);
                throw e;
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new InvalidRecordException("Expected a key or '}', found " + describe(token));
        }
        for (int i = 0; i < values.length; i++) {
            Field field = layout.fields().get(i);
            if (field.required() && values[i] == null) {
                throw new InvalidRecordException("Missing required key \"" + field.jsonName() + "\"");
            }
        }
        return values;
    }

    /** Moves from a value of the current object, read or not, to the object's END_OBJECT. */
    private static void skipRestOfObject(JsonParser parser) throws IOException {
        parser.skipChildren();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            parser.nextToken();
            parser.skipChildren();
        }
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
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getTextLength() == 2 && "-0".equals(parser.getText())) {
            return "0"; // an integer is kept as its value, as DuckDB's reader keeps it
        }
        if (token.isScalarValue()) {
            return parser.getText();
        }
        // Kept as JSON text, as DuckDB's read_json does, so that nothing is lost and engines agree.
        return parser.readValueAsTree().toString();
    }

    private static long integral(JsonParser parser, JsonToken token, Field field, long min, long max)
            throws IOException, InvalidRecordException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return checkRange(longOf(parser, field), min, max, field, parser);
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE ? 1 : 0; // as DuckDB's reader reads them
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_STRING) {
            if (parser.isNaN()) {
                throw new InvalidRecordException(
                        "Key \"" + field.jsonName() + "\" is out of range: " + parser.getText());
            }
            BigDecimal value = decimalOf(parser, token, field, "a whole number");
            if (token == JsonToken.VALUE_STRING
                    && WHOLE.matcher(parser.getText()).matches()) {
                try {
                    return checkRange(value.longValueExact(), min, max, field, parser);
                } catch (ArithmeticException tooLarge) {
                    throw new InvalidRecordException(
                            "Key \"" + field.jsonName() + "\" is out of range: " + abbreviate(parser.getText()));
                }
            }
            // A fraction or exponent is read as a double, as DuckDB's reader reads it: 900.0 and 9e2 are 900;
            // a double is exact only below 2^53.
            double number = value.doubleValue();
            if (number != Math.rint(number)) {
                throw new InvalidRecordException("Expected a whole number for \"" + field.jsonName() + "\", found "
                        + abbreviate(parser.getText()));
            }
            if (Math.abs(number) >= EXACT_DOUBLES) {
                throw new InvalidRecordException(
                        "Key \"" + field.jsonName() + "\" is out of range: " + abbreviate(parser.getText()));
            }
            return checkRange((long) number, min, max, field, parser);
        }
        throw wrongType(field, "a whole number", token);
    }

    /**
     * An integer token as a long. Asking Jackson for the type of an integer beyond a long left its cached value
     * behind: the next record's double read back as that integer. Long ones are parsed from their text instead.
     */
    private static long longOf(JsonParser parser, Field field) throws IOException, InvalidRecordException {
        if (parser.getTextLength() < 19) {
            return parser.getLongValue();
        }
        try {
            return Long.parseLong(parser.getText());
        } catch (NumberFormatException e) {
            throw new InvalidRecordException(
                    "Key \"" + field.jsonName() + "\" is out of range: " + abbreviate(parser.getText()));
        }
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
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE ? 1.0 : 0.0;
        }
        if (token == JsonToken.VALUE_NUMBER_INT
                || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_STRING) {
            double value = token == JsonToken.VALUE_STRING
                    ? signedDouble(decimalOf(parser, token, field, "a number"), parser.getText())
                    : parser.getDoubleValue();
            if (!Double.isFinite(value)) {
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

    /** BigDecimal has no negative zero; "-0.0" is -0.0, as DuckDB casts it. */
    private static double signedDouble(BigDecimal value, String text) {
        return value.signum() == 0 && text.strip().startsWith("-") ? -0.0 : value.doubleValue();
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
            case END_OBJECT -> "'}'";
            case END_ARRAY -> "']'";
            case FIELD_NAME -> "a key";
            default -> "an unexpected value";
        };
    }
}
