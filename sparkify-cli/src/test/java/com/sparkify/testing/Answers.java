package com.sparkify.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

/** Compares answer rows; a rounded decimal may differ by one unit in its last place (double vs decimal math). */
public final class Answers {
    private Answers() {}

    public static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected) {
        assertThat(actual).as("row count").hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            List<Object> want = expected.get(r);
            List<Object> got = actual.get(r);
            assertThat(got).as("row %d: %s, expected %s", r, got, want).hasSameSizeAs(want);
            for (int c = 0; c < want.size(); c++) {
                Object wanted = want.get(c);
                if (wanted instanceof BigDecimal decimal) {
                    assertThat(got.get(c))
                            .as("row %d column %d: %s, expected %s", r, c, got, want)
                            .isInstanceOf(BigDecimal.class);
                    assertThat(((BigDecimal) got.get(c)).subtract(decimal).abs())
                            .as("row %d column %d: %s, expected %s", r, c, got, want)
                            .isLessThanOrEqualTo(decimal.ulp());
                } else {
                    assertThat(got.get(c))
                            .as("row %d column %d: %s, expected %s", r, c, got, want)
                            .isEqualTo(wanted);
                }
            }
        }
    }
}
