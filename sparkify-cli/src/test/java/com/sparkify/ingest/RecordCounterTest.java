package com.sparkify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.LineRecords;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordCounterTest {
    /** The count, which must equal the plain byte-by-byte count. */
    private static long count(String text) throws IOException {
        return count(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long count(byte[] bytes) throws IOException {
        long records =
                RecordCounter.countRecords(new ByteArrayInputStream(bytes), new UnknownKeyScan(RecordLayout.EVENTS));
        assertThat(records).isEqualTo(LineRecords.count(new ByteArrayInputStream(bytes)));
        return records;
    }

    @Test
    void countsLinesWithContentOnly() throws IOException {
        assertThat(count("")).isZero();
        assertThat(count("\n\r\n \t \n")).isZero();
        assertThat(count("{}\n{}\n")).isEqualTo(2);
        assertThat(count("{}\r\n\r\n  {}")).isEqualTo(2);
        assertThat(count("  \t x\n")).isEqualTo(1);
    }

    @Test
    void linesAcrossBufferBoundariesCountOnce() throws IOException {
        String blanks = " ".repeat((1 << 16) - 1);
        assertThat(count(blanks + "x\n")).isEqualTo(1);
        assertThat(count(blanks + "\n" + blanks + "\n")).isZero();
        assertThat(count("x" + blanks + blanks + "\n" + blanks)).isEqualTo(1);
        assertThat(count(blanks + " \n" + "{}")).isEqualTo(1);
    }

    @Test
    void findsEveryNewlineWhateverItsPositionInAWord() throws IOException {
        for (int length = 0; length <= 40; length++) {
            for (int at = -1; at < length; at++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 0x0B); // one more than '\n' in every byte: a borrow trap
                if (at >= 0) {
                    bytes[at] = '\n';
                    if (at + 1 < length) {
                        bytes[at + 1] = '\n';
                    }
                }
                long lines = at < 0 ? (length > 0 ? 1 : 0) : (at > 0 ? 1 : 0) + (at + 2 < length ? 1 : 0);
                assertThat(count(bytes))
                        .as("length %d, newline at %d", length, at)
                        .isEqualTo(lines);
            }
        }
    }

    @Test
    void countsLongRecordsAndBytesAboveAscii() throws IOException {
        String record = "{\"song\":\"Bj\u00f6rk \u2013 J\u00f3ga\",\"x\":\"" + "a".repeat(100_003) + "\"}";
        assertThat(count(record + "\n" + record + "\r\n\n" + record)).isEqualTo(3);
    }
}
