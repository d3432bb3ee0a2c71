package com.sparkify.testing;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream whose bytes from {@code failAt} on cannot be read, as a disk with a bad sector. */
public final class FailingStream extends FilterInputStream {
    private final long failAt;
    private long read;

    public FailingStream(InputStream in, long failAt) {
        super(in);
        this.failAt = failAt;
    }

    public FailingStream(byte[] content, long failAt) {
        this(new ByteArrayInputStream(content), failAt);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (read >= failAt) {
            throw new IOException("Input/output error");
        }
        int n = in.read(buffer, offset, (int) Math.min(length, failAt - read));
        read += Math.max(0, n);
        return n;
    }
}
