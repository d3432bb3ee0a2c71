package com.sparkify.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A place raw files come from. Implementations list and open; they never parse. */
public interface FileSource {
    /** Every {@code .json} and {@code .json.gz} file below the root, sorted by uri. */
    List<SourceFile> list();

    /** The raw bytes of a file, decompressed when the file is gzipped. */
    InputStream open(SourceFile file) throws IOException;

    /** Where the files are, for messages. */
    String describe();
}
