package com.sparkify.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes a file had when it was listed: reading stops at the listed size, so the ledger's change marker
 * (size and modification time at listing) names what was read, and a file appended to meanwhile is read
 * whole by the next run. A file that ends before its listed size fails with {@link FileChangedException}.
 */
final class ListedBytes extends FilterInputStream {
    private final long listed;
    private long read;

    ListedBytes(InputStream in, long listed) {
        super(in);
        this.listed = listed;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (read >= listed) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, listed - read));
        if (n < 0) {
            throw new FileChangedException(listed, read);
        }
        read += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int step = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (step < 0) {
                break;
            }
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), listed - read);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
