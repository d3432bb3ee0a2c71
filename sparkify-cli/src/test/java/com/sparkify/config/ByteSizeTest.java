package com.sparkify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void decimalUnitsArePowersOfTenAndBinaryUnitsPowersOfTwo() {
        assertThat(ByteSize.parse("384MB").bytes()).isEqualTo(384_000_000L);
        assertThat(ByteSize.parse("2GB").bytes()).isEqualTo(2_000_000_000L);
        assertThat(ByteSize.parse("1.5GiB").bytes()).isEqualTo(3L << 29);
        assertThat(ByteSize.parse("512 KiB").bytes()).isEqualTo(512 * 1024);
        assertThat(ByteSize.parse("1TB").bytes()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void keepsTheTextAsWrittenWithoutSurroundingBlanks() {
        assertThat(ByteSize.parse("  512 KiB\n")).hasToString("512 KiB");
    }

    @Test
    void rejectsWhatIsNotASizeOrAbsurdlyPrecise() {
        for (String text : new String[] {"plenty", "", "384", "384mb", "-1GB", "1234567MB", "1.2345GB"}) {
            assertThatThrownBy(() -> ByteSize.parse(text))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Expected a size like 384MB or 2GiB, found '" + text + "'");
        }
    }
}
