package com.sparkify.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the records of a newline-delimited file without parsing them: lines holding anything but
 * spaces, tabs and carriage returns, as {@link EventFileReader} counts them.
 */
public final class RecordCounter {
    private RecordCounter() {}

    public static long countRecords(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long records = 0;
        boolean content = false;
        int read;
        while ((read = in.read(buffer)) > 0) {
            int lineStart = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    if (content || hasContent(buffer, lineStart, i)) {
                        records++;
                    }
                    content = false;
                    lineStart = i + 1;
                }
            }
            content = content || hasContent(buffer, lineStart, read);
        }
        return content ? records + 1 : records;
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
