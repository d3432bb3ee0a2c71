package com.sparkify.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Counts the records of a newline-delimited file without parsing them: lines holding anything but
 * spaces, tabs and carriage returns, as {@link EventFileReader} counts them. It looks for newlines and colons
 * eight bytes at a time, since it shares the CPU with DuckDB's reader of the same files.
 */
public final class RecordCounter {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long COLONS = 0x3A3A3A3A3A3A3A3AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    /** Multiplied by a word's lowest byte bit, 1 << 8k, it holds k in its top byte. */
    private static final long BYTE_INDEX = 0x0001020304050607L;

    private RecordCounter() {}

    /**
     * Counts the records of {@code in}, and finds the keys {@code keys} does not know in the same pass: each colon is looked up as it is met, and only a record with a colon the look-up cannot place
     * is walked whole. A record longer than {@link ByteLines#MAX_LINE_BYTES}, which the Java parser rejects,
     * is counted but not scanned.
     */
    public static long countRecords(InputStream in, UnknownKeyScan keys) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long records = 0;
        int kept = 0; // bytes of an unfinished line, moved to the front of the buffer
        boolean unsure = false; // the current line has a colon the look-up could not place
        boolean overlong = false;
        boolean overlongContent = false;
        int read;
        while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
            int end = kept + read;
            int lineStart = 0;
            int at = kept;
            while ((at = nextNewlineOrColon(buffer, at, end)) >= 0) {
                if (buffer[at] == ':') {
                    unsure = unsure || overlong || !keys.knownBefore(buffer, lineStart, at);
                } else {
                    if (overlong) {
                        if (overlongContent || hasContent(buffer, lineStart, at)) {
                            records++;
                        }
                        overlong = false;
                        overlongContent = false;
                    } else if (hasContent(buffer, lineStart, at)) {
                        records++;
                        if (unsure) {
                            keys.walk(buffer, lineStart, at);
                        }
                    }
                    unsure = false;
                    lineStart = at + 1;
                }
                at++;
            }
            kept = end - lineStart;
            if (overlong) {
                overlongContent = overlongContent || hasContent(buffer, lineStart, end);
                kept = 0;
            } else if (kept == buffer.length) {
                if (buffer.length > ByteLines.MAX_LINE_BYTES) {
                    overlong = true;
                    overlongContent = hasContent(buffer, 0, end);
                    kept = 0;
                } else {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            } else {
                System.arraycopy(buffer, lineStart, buffer, 0, kept);
            }
        }
        if (overlong) {
            return overlongContent ? records + 1 : records;
        }
        if (hasContent(buffer, 0, kept)) {
            records++;
            if (unsure) {
                keys.walk(buffer, 0, kept);
            }
        }
        return records;
    }

    /** The index of the first '\n' or ':' in [from, to), or -1. */
    private static int nextNewlineOrColon(byte[] buffer, int from, int to) {
        int i = from;
        while (i + Long.BYTES <= to) {
            long word = (long) LONGS.get(buffer, i);
            long newlines = word ^ NEWLINES;
            long colons = word ^ COLONS;
            if (((((newlines - ONES) & ~newlines) | ((colons - ONES) & ~colons)) & HIGH_BITS) != 0) {
                // the test above can flag bytes after a match wrongly: find the first match exactly, without
                // a loop over bytes, which the quick compiler the launcher uses makes slow
                long matches = zeroBytes(newlines) | zeroBytes(colons);
                return i + (int) ((((matches & -matches) >>> 7) * BYTE_INDEX) >>> 56);
            }
            i += Long.BYTES;
        }
        for (; i < to; i++) {
            byte b = buffer[i];
            if (b == '\n' || b == ':') {
                return i;
            }
        }
        return -1;
    }

    /** A high bit in each byte of {@code word} that is zero, and in no other. */
    private static long zeroBytes(long word) {
        return ~(((word & LOW_BITS) + LOW_BITS) | word) & HIGH_BITS;
    }

    /** Whether bytes [from, to) hold anything but blanks; a record's first byte usually answers. */
    private static boolean hasContent(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return true;
            }
        }
        return false;
    }
}
