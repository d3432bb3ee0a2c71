package com.sparkify.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip file written one record at a time, with a sync flush in the middle of each record and after it, so
 * that the compressed offsets where every record's first half and whole end are known: cut there, a reader
 * recovers exactly the text before the cut.
 */
public final class DamagedGzip {
    private final byte[] bytes;
    /** ends[k]: the compressed size after the first k records (ends[0] is the header). */
    private final long[] ends;
    /** middles[k]: the compressed size after the first half of record k (0-based). */
    private final long[] middles;

    private DamagedGzip(byte[] bytes, long[] ends, long[] middles) {
        this.bytes = bytes;
        this.ends = ends;
        this.middles = middles;
    }

    /** Each record is written as it is: add the line break to records that need one. */
    public static DamagedGzip of(List<String> records) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Long> ends = new ArrayList<>();
            List<Long> middles = new ArrayList<>();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16, true)) {
                gzip.flush();
                ends.add((long) out.size());
                for (String record : records) {
                    byte[] text = record.getBytes(StandardCharsets.UTF_8);
                    gzip.write(text, 0, text.length / 2);
                    gzip.flush();
                    middles.add((long) out.size());
                    gzip.write(text, text.length / 2, text.length - text.length / 2);
                    gzip.flush();
                    ends.add((long) out.size());
                }
            }
            return new DamagedGzip(
                    out.toByteArray(),
                    ends.stream().mapToLong(Long::longValue).toArray(),
                    middles.stream().mapToLong(Long::longValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] whole() {
        return bytes.clone();
    }

    /** Cut after the first half (by bytes) of record {@code k + 1}: k records are whole. */
    public byte[] cutInsideRecord(int k) {
        return Arrays.copyOf(bytes, (int) middles[k]);
    }

    /** Cut where the compressed data of the first {@code k} records ends. */
    public byte[] cutAfter(int k) {
        return Arrays.copyOf(bytes, (int) ends[k]);
    }

    /** Every record whole, but the 8-byte trailer (CRC and size) missing. */
    public byte[] withoutTrailer() {
        return Arrays.copyOf(bytes, bytes.length - 8);
    }

    /** Every record whole, but the CRC of the trailer wrong. */
    public byte[] withWrongCrc() {
        byte[] damaged = bytes.clone();
        damaged[damaged.length - 8] ^= 0x55;
        return damaged;
    }

    /** The magic number of the header wrong: nothing can be read. */
    public byte[] withWrongMagic() {
        byte[] damaged = bytes.clone();
        damaged[0] = 'x';
        return damaged;
    }
}
