package com.sparkify.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordCounterTest {
    private static long count(String text) throws IOException {
        return RecordCounter.countRecords(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
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
}
