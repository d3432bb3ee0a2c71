package com.sparkify.testing;

import java.io.IOException;
import java.io.InputStream;

/**
 * The records of a newline-delimited file, counted the plainest way, byte by byte: lines that hold anything
 * but spaces, tabs and carriage returns. The oracle for the readers' and the fast path's counts.
 */
public final class LineRecords {
    private LineRecords() {}

    public static long count(InputStream in) throws IOException {
        long records = 0;
        boolean content = false;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                records += content ? 1 : 0;
                content = false;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                content = true;
            }
        }
        return content ? records + 1 : records;
    }
}
