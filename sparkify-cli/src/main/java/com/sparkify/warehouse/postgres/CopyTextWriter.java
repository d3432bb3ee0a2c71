package com.sparkify.warehouse.postgres;

import com.sparkify.ingest.RowWriter;

/**
 * Encodes staged rows in the text format of PostgreSQL's COPY (UTF-8, tab between columns, newline after
 * each row, {@code \N} for NULL, backslash escapes) into a fixed buffer that is handed to a {@link Sink}
 * whenever it fills, so memory stays bounded however large the input. The lineage columns {@code
 * source_file, source_record, load_id} follow the layout's columns.
 *
 * <p>PostgreSQL text cannot hold U+0000, so a NUL character in a value is written as U+FFFD (the Unicode
 * replacement character, as for invalid UTF-8) and counted; a lone UTF-16 surrogate becomes U+FFFD too.
 */
final class CopyTextWriter implements RowWriter {
    /** Where full buffers go: the COPY stream. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] buffer, int length);
    }

    static final char REPLACEMENT = '\uFFFD';
    private static final int BUFFER_BYTES = 1 << 16;

    private final Sink sink;
    private final long loadId;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private String sourceFile = "";
    private long rows;
    private long replacedNuls;

    CopyTextWriter(Sink sink, long loadId) {
        this.sink = sink;
        this.loadId = loadId;
    }

    void startFile(String uri) {
        this.sourceFile = uri;
    }

    @Override
    public void write(Object[] values, long sourceRecord) {
        for (Object value : values) {
            if (value == null) {
                ascii("\\N");
            } else if (value instanceof String text) {
                text(text);
            } else if (value instanceof Double number) {
                ascii(Double.toString(number));
            } else {
                ascii(value.toString());
            }
            put((byte) '\t');
        }
        text(sourceFile);
        put((byte) '\t');
        ascii(Long.toString(sourceRecord));
        put((byte) '\t');
        ascii(Long.toString(loadId));
        put((byte) '\n');
        rows++;
    }

    /** Hands the buffered rows to the sink. */
    void flush() {
        if (position > 0) {
            sink.write(buffer, position);
            position = 0;
        }
    }

    long rows() {
        return rows;
    }

    /** NUL characters written as U+FFFD so far. */
    long replacedNuls() {
        return replacedNuls;
    }

    private void text(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case 0 -> {
                        replacedNuls++;
                        utf8(REPLACEMENT);
                    }
                    default -> put((byte) c);
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                utf8(Character.toCodePoint(c, text.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
                utf8(REPLACEMENT);
            } else {
                utf8(c);
            }
        }
    }

    private void escape(char code) {
        put((byte) '\\');
        put((byte) code);
    }

    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            put((byte) text.charAt(i));
        }
    }

    private void utf8(int codePoint) {
        if (codePoint < 0x800) {
            put((byte) (0xC0 | (codePoint >> 6)));
            put((byte) (0x80 | (codePoint & 0x3F)));
        } else if (codePoint < 0x10000) {
            put((byte) (0xE0 | (codePoint >> 12)));
            put((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
            put((byte) (0x80 | (codePoint & 0x3F)));
        } else {
            put((byte) (0xF0 | (codePoint >> 18)));
            put((byte) (0x80 | ((codePoint >> 12) & 0x3F)));
            put((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
            put((byte) (0x80 | (codePoint & 0x3F)));
        }
    }

    private void put(byte b) {
        if (position == buffer.length) {
            flush();
        }
        buffer[position++] = b;
    }
}
