package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void coversWholeDaysFromTheFirstThroughTheLast() {
        Period period = Period.parse("2018-11-05", "2018-11-06");

        assertThat(period.start()).isEqualTo(LocalDateTime.of(2018, 11, 5, 0, 0));
        assertThat(period.end()).isEqualTo(LocalDateTime.of(2018, 11, 7, 0, 0));
        assertThat(period.describe()).isEqualTo("2018-11-05 to 2018-11-06");
        assertThat(Period.parse(null, "2018-11-06").describe()).isEqualTo("the start to 2018-11-06");
        assertThat(Period.ALL.bounded()).isFalse();
    }

    @Test
    void badDatesAreUsageErrors() {
        assertUsageError(
                () -> Period.parse("2018-13-01", null),
                "Expected --from as a date YYYY-MM-DD (UTC), found '2018-13-01'");
        assertUsageError(
                () -> Period.parse(null, "2018-02-30"), "Expected --to as a date YYYY-MM-DD (UTC), found '2018-02-30'");
        assertUsageError(() -> Period.parse("yesterday", null), "found 'yesterday'");
        assertUsageError(() -> Period.parse("2018-11-07", "2018-11-06"), "Expected --from on or before --to");
    }

    private static void assertUsageError(Runnable parse, String message) {
        assertThatThrownBy(parse::run)
                .isInstanceOf(SparkifyException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((SparkifyException) e).code()).isEqualTo(ErrorCode.USAGE));
    }
}
