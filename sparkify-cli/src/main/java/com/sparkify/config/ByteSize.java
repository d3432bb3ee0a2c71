package com.sparkify.config;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size as a user writes it and DuckDB reads it: {@code 384MB} (10^6 bytes a MB) or {@code 1.5GiB} (2^30
 * bytes a GiB). The digits are bounded so that a typo cannot ask for an absurd amount.
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,3})?)\\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    private final String text;
    private final long bytes;

    private ByteSize(String text, long bytes) {
        this.text = text;
        this.bytes = bytes;
    }

    /**
     * @param text a size such as {@code 2GB}, with surrounding blanks ignored
     * @throws IllegalArgumentException when {@code text} is not such a size
     */
    public static ByteSize parse(String text) {
        String size = requireNonNull(text, "text is null").strip();
        Matcher parts = SIZE.matcher(size);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Expected a size like 384MB or 2GiB, found '" + text + "'");
        }
        String unit = parts.group(2);
        int power = "KMGT".indexOf(unit.charAt(0)) + 1;
        double base = unit.contains("i") ? 1024 : 1000;
        return new ByteSize(size, (long) (Double.parseDouble(parts.group(1)) * Math.pow(base, power)));
    }

    public long bytes() {
        return bytes;
    }

    /** The size as written, without surrounding blanks, e.g. {@code 512 KiB}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteSize size && size.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
