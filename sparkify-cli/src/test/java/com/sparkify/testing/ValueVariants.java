package com.sparkify.testing;

import com.sparkify.ingest.Field;
import com.sparkify.ingest.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * The values one field can be given in a damaged record, each with what README "Input formats" says must
 * come of it: staged as a given value, or the record rejected.
 */
final class ValueVariants {
    /**
     * @param literal the JSON text of the value; null leaves the key out
     * @param good whether the record is staged
     * @param value what is staged when good (null for NULL)
     * @param duckDbValue what DuckDB's own reader stages instead, when it differs (README "Input formats")
     */
    record Variant(String label, String literal, boolean good, Object value, Object duckDbValue) {
        Variant(String label, String literal, boolean good, Object value) {
            this(label, literal, good, value, null);
        }
    }

    private ValueVariants() {}

    /** Every variant of {@code field}, whose ordinary value is {@code base}. */
    static List<Variant> of(Field field, Object base) {
        List<Variant> variants = new ArrayList<>();
        boolean optional = !field.required();
        variants.add(new Variant("missing", null, optional, null));
        variants.add(new Variant("null", "null", optional, null));
        switch (field.type()) {
            case TEXT -> text(variants);
            case BIGINT -> whole(variants, (Long) base, true);
            case INTEGER -> whole(variants, (long) (Integer) base, false);
            case DOUBLE -> decimal(variants, (Double) base);
        }
        // Labels name the ordinary value V, so that they stay the same whatever the record's own value.
        String ordinary = String.valueOf(base);
        return variants.stream()
                .map(v -> v.literal() == null || field.type() == FieldType.TEXT || ordinary.length() < 3
                        ? v
                        : new Variant(v.label().replace(ordinary, "V"), v.literal(), v.good(), v.value(), null))
                .toList();
    }

    private static void text(List<Variant> variants) {
        good(variants, "\"plain é 日本\"", "plain é 日本");
        good(variants, "\"\"", "");
        good(variants, "\"with \\\"quotes\\\" and \\\\\"", "with \"quotes\" and \\");
        good(variants, "\"nul\\u0000escaped\"", "nul\u0000escaped");
        good(variants, "\"tab\\tescaped\"", "tab\tescaped");
        // Scalars and structures where text belongs are kept as their JSON text.
        good(variants, "5", "5");
        good(variants, "123456789012345678901234567890", "123456789012345678901234567890");
        good(variants, "true", "true");
        good(variants, "false", "false");
        good(variants, "{\"a\":[1,\"b\"],\"c\":null}", "{\"a\":[1,\"b\"],\"c\":null}");
        good(variants, "[1, 2]", "[1,2]");
        good(variants, "[]", "[]");
        // An integer is kept as its value; a number with a fraction or exponent as written, where DuckDB's
        // own reader writes its double.
        good(variants, "-0", "0");
        good(variants, "-12", "-12");
        rewritten(variants, "5.50", "5.50", "5.5");
        rewritten(variants, "1e3", "1e3", "1000.0");
        rewritten(variants, "1E2", "1E2", "100.0");
        rewritten(variants, "1e22", "1e22", "1e+22");
        good(variants, "\"0\"", "0");
        good(variants, "\"2.0 Remix\"", "2.0 Remix");
        good(variants, "\"NaN\"", "NaN");
        // Structures are kept as the JSON text of their tree: numbers with a fraction become doubles.
        rewritten(
                variants,
                "{\"x\":1e22,\"y\":-0,\"z\":5.50}",
                "{\"x\":1.0E22,\"y\":0,\"z\":5.5}",
                "{\"x\":1e22,\"y\":0,\"z\":5.5}");
    }

    private static void whole(List<Variant> variants, long base, boolean wide) {
        good(variants, "\"" + base + "\"", base);
        good(variants, base + ".0", base);
        good(variants, "\"" + base + ".0\"", base);
        good(variants, "\" " + base + " \"", base);
        good(variants, "\"+" + base + "\"", base);
        good(variants, base + "0e-1", base);
        good(variants, "\"" + base + "0e-1\"", base);
        // A fraction too small for a double is no fraction: both readers read these as doubles.
        good(variants, base + ".00000000000000001", base);
        good(variants, "\"" + base + ".00000000000000001\"", base);
        bad(variants, base + ".5");
        bad(variants, "\"" + base + ".5\"");
        bad(variants, "\"abc\"");
        bad(variants, "\"\"");
        bad(variants, "\"1_000\"");
        bad(variants, "\"0x10\"");
        good(variants, "true", 1L);
        good(variants, "false", 0L);
        bad(variants, "{\"v\":" + base + "}");
        bad(variants, "[" + base + "]");
        bad(variants, "99999999999999999999");
        bad(variants, "1e400");
        bad(variants, "NaN");
        bad(variants, "-Infinity");
        bad(variants, "\"" + base + ".5e0\"");
        bad(variants, "9007199254740993.0");
        if (!wide) {
            bad(variants, "3000000000");
        }
    }

    private static void decimal(List<Variant> variants, double base) {
        good(variants, "\"" + base + "\"", base);
        good(variants, "\" " + base + " \"", base);
        good(variants, "1e3", 1000.0);
        good(variants, "\"1e3\"", 1000.0);
        good(variants, "-0", 0.0);
        good(variants, "7", 7.0);
        good(variants, "-0.0", -0.0);
        good(variants, "\"-0.0\"", -0.0);
        good(variants, "0.1", 0.1);
        good(variants, "\"0.30000000000000004\"", 0.30000000000000004);
        bad(variants, "\"abc\"");
        bad(variants, "\"\"");
        bad(variants, "\"NaN\"");
        bad(variants, "\"Infinity\"");
        good(variants, "true", 1.0);
        good(variants, "false", 0.0);
        bad(variants, "{\"v\":1}");
        bad(variants, "[1]");
        bad(variants, "1e400");
        bad(variants, "-1e400");
        bad(variants, "NaN");
        bad(variants, "Infinity");
    }

    private static void good(List<Variant> variants, String literal, Object value) {
        variants.add(new Variant(literal, literal, true, value));
    }

    private static void rewritten(List<Variant> variants, String literal, String value, String duckDbValue) {
        variants.add(new Variant(literal, literal, true, value, duckDbValue));
    }

    private static void bad(List<Variant> variants, String literal) {
        variants.add(new Variant(literal, literal, false, null));
    }
}
