package com.sparkify.source;

import java.io.IOException;

/** A file that ended before the size it was listed with: it was cut or replaced while it was read. */
public final class FileChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    FileChangedException(long listed, long read) {
        super("listed with " + listed + " bytes, it ended after " + read);
    }
}
