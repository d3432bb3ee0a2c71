package com.sparkify.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyTextWriterTest {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final CopyTextWriter writer = new CopyTextWriter((buffer, length) -> sent.write(buffer, 0, length), 42);

    private String written() {
        writer.flush();
        return sent.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneLineOfTabSeparatedColumnsWithTheLineageLast() {
        writer.startFile("/data/log.json");

        writer.write(new Object[] {"a", 7L, 200, 1.5, null}, 3);

        assertThat(written()).isEqualTo("a\t7\t200\t1.5\t\\N\t/data/log.json\t3\t42\n");
        assertThat(writer.rows()).isEqualTo(1);
    }

    @Test
    void escapesBackslashTabNewlineAndCarriageReturn() {
        writer.write(new Object[] {"back\\slash", "tab\there", "two\nlines", "cr\rlf", "\\N", "\\."}, 1);

        assertThat(written())
                .startsWith("back\\\\slash\ttab\\there\ttwo\\nlines\tcr\\rlf\t\\\\N\t\\\\.\t")
                .doesNotContain("\n\n");
    }

    @Test
    void keepsTheEmptyStringApartFromNull() {
        writer.write(new Object[] {"", null}, 1);

        assertThat(written()).startsWith("\t\\N\t");
    }

    @Test
    void encodesUtf8IncludingCharactersOutsideTheBasicPlane() {
        writer.write(new Object[] {"Café ☕ 𝄞 Ærø"}, 1);

        assertThat(written()).startsWith("Café ☕ 𝄞 Ærø\t");
    }

    @Test
    void replacesNulAndLoneSurrogatesWithTheReplacementCharacter() {
        writer.write(new Object[] {"a\u0000b", "x\uD800y", "\uDC00"}, 1);

        assertThat(written()).startsWith("a\uFFFDb\tx\uFFFDy\t\uFFFD\t");
        assertThat(writer.replacedNuls()).isEqualTo(1);
    }

    @Test
    void writesDoublesSoThatTheyReadBackExactly() {
        double[] values = {0.1, 214.59546, 1.540919166796E12, -0.0, 4.9E-324, Double.MAX_VALUE, 1e23};
        Object[] row = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            row[i] = values[i];
        }

        writer.write(row, 1);

        String[] columns = written().split("\t");
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.parseDouble(columns[i])).isEqualTo(values[i]);
        }
    }

    @Test
    void handsOverFullBuffersAndKeepsRowsWhole() {
        String value = "é".repeat(1000);
        for (int i = 0; i < 100; i++) {
            writer.write(new Object[] {value}, i + 1);
        }

        String all = written();

        assertThat(all.lines()).hasSize(100).allSatisfy(line -> assertThat(line).startsWith(value + "\t"));
    }
}
