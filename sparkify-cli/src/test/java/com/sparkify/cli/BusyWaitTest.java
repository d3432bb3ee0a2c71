package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --wait's loop on a clock the pauses move: when it says it waits, when it gives up, what it lets through. */
class BusyWaitTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<String> notes = new ArrayList<>();
    private Instant now = T0;

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private BusyWait waiting(Duration limit) {
        return new BusyWait(limit, "--wait " + WaitDuration.format(limit), notes::add, clock, d -> now = now.plus(d));
    }

    /** BUSY until {@code free}, then "done". */
    private Supplier<Optional<String>> busyUntil(Instant free) {
        return () -> {
            if (now.isBefore(free)) {
                throw new SparkifyException(ErrorCode.BUSY, "another run holds W");
            }
            return Optional.of("done at " + Duration.between(T0, now).toSeconds());
        };
    }

    @Test
    void runsOnceTheOtherRunLetsGoSayingSoOnceAMinute() {
        Optional<String> outcome = waiting(Duration.ofMinutes(5)).run(busyUntil(T0.plusSeconds(150)), () -> false);

        assertThat(outcome).hasValueSatisfying(done -> assertThat(done).startsWith("done at 15"));
        assertThat(notes)
                .containsExactly(
                        "waiting up to 5m (--wait 5m): another run holds W",
                        "still waiting for the other run, 1m5s of 5m",
                        "still waiting for the other run, 2m5s of 5m");
    }

    @Test
    void givesUpAtTheLimitWithItsOwnExitCode() {
        assertThatThrownBy(() -> waiting(Duration.ofSeconds(30)).run(busyUntil(Instant.MAX), () -> false))
                .isInstanceOf(SparkifyException.class)
                .hasMessage("Waited 30s (--wait 30s), and another run still holds the warehouse; nothing of this run"
                        + " was done. another run holds W")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.WAIT_TIMEOUT);
        assertThat(now).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void anyOtherFailureIsNotWaitedFor() {
        Supplier<Optional<String>> refused = () -> {
            throw new SparkifyException(ErrorCode.WAREHOUSE_UNREACHABLE, "cannot connect");
        };

        assertThatThrownBy(() -> waiting(Duration.ofMinutes(5)).run(refused, () -> false))
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.WAREHOUSE_UNREACHABLE);
        assertThat(notes).isEmpty();
        assertThat(now).isEqualTo(T0);
    }

    @Test
    void aSignalEndsTheWait() {
        Optional<String> outcome =
                waiting(Duration.ofMinutes(5)).run(busyUntil(Instant.MAX), () -> now.isAfter(T0.plusSeconds(3)));

        assertThat(outcome).isEmpty();
        assertThat(now).isBefore(T0.plusSeconds(4));
    }

    @Test
    void durationsAsPeopleWriteThem() {
        WaitDuration converter = new WaitDuration();

        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(WaitDuration.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(WaitDuration.format(Duration.ofSeconds(61))).isEqualTo("1m1s");
        assertThat(WaitDuration.format(Duration.ZERO)).isEqualTo("0s");
        for (String wrong : List.of("10", "ten minutes", "-5m", "1d", "")) {
            assertThatThrownBy(() -> converter.convert(wrong))
                    .isInstanceOf(CommandLine.TypeConversionException.class)
                    .hasMessageContaining("Expected a duration such as 30s, 10m, 1h or 1h30m");
        }
    }
}
