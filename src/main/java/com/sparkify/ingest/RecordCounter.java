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
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    if (content) {
                        records++;
                    }
                    content = false;
                } else if (b != ' ' && b != '\t' && b != '\r') {
                    content = true;
                }
            }
        }
        return content ? records + 1 : records;
    }
}
