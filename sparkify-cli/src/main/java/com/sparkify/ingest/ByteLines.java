package com.sparkify.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so that invalid UTF-8 is reported by the JSON parser
 * for the one line that has it. Handles LF and CRLF, a final line without a newline and a leading UTF-8
 * BOM. A line longer than {@link #MAX_LINE_BYTES} is cut there; {@link #truncated()} says so.
 */
final class ByteLines {
    static final int MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPosition;
    private int chunkLength;
    private byte[] line = new byte[1 << 12];
    private int lineLength;
    private long lineNumber;
    private boolean truncated;
    private boolean first = true;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of input. */
    boolean next() throws IOException {
        lineLength = 0;
        truncated = false;
        boolean sawAny = false;
        while (true) {
            if (chunkPosition == chunkLength) {
                chunkLength = in.read(chunk);
                chunkPosition = 0;
                if (chunkLength <= 0) {
                    chunkLength = 0;
                    if (sawAny) {
                        finishLine();
                        return true;
                    }
                    return false;
                }
            }
            sawAny = true;
            int start = chunkPosition;
            int end = start;
            while (end < chunkLength && chunk[end] != '\n') {
                end++;
            }
            append(start, end - start);
            if (end < chunkLength) {
                chunkPosition = end + 1;
                finishLine();
                return true;
            }
            chunkPosition = chunkLength;
        }
    }

    private void append(int offset, int length) {
        int room = MAX_LINE_BYTES - lineLength;
        if (length > room) {
            truncated = true;
            length = room;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, lineLength + length)));
        }
        System.arraycopy(chunk, offset, line, lineLength, length);
        lineLength += length;
    }

    private void finishLine() {
        lineNumber++;
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        if (first) {
            first = false;
            if (lineLength >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                System.arraycopy(line, 3, line, 0, lineLength - 3);
                lineLength -= 3;
            }
        }
    }

    /**
     * After {@link #next()} failed: the part of the interrupted line read before the failure, whose number
     * is {@code lineNumber() + 1}.
     */
    String partialLine() {
        int from = first
                        && lineLength >= 3
                        && (line[0] & 0xFF) == 0xEF
                        && (line[1] & 0xFF) == 0xBB
                        && (line[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        return new String(line, from, Math.max(0, lineLength - from), StandardCharsets.UTF_8);
    }

    byte[] buffer() {
        return line;
    }

    int length() {
        return lineLength;
    }

    long lineNumber() {
        return lineNumber;
    }

    boolean truncated() {
        return truncated;
    }

    boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
