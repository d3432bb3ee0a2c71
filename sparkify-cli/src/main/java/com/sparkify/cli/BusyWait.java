package com.sparkify.cli;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.cluster.Pause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code etl --wait}: a run that finds another run holding the warehouse ({@link ErrorCode#BUSY}, raised by
 * the open or the run lock before anything is staged) tries again until the limit, instead of exiting 8.
 * It says so when it starts waiting and once a minute; when the limit runs out it fails with
 * {@link ErrorCode#WAIT_TIMEOUT}. The same for every engine: it only sees the BUSY.
 */
final class BusyWait {
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    /** Short enough that a queued run starts soon after the other ends, long enough to list S3 sources rarely. */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    static final Duration NOTE_EVERY = Duration.ofMinutes(1);
    private static final Duration SLICE = Duration.ofMillis(100);

    private final Duration limit;
    private final String flag;
    private final Consumer<String> note;
    private final Clock clock;
    private final Pause pause;

    /**
     * @param limit how long to wait in all
     * @param flag the option as given, for messages: {@code --wait 10m}
     * @param note where the waiting lines go
     */
    BusyWait(Duration limit, String flag, Consumer<String> note, Clock clock, Pause pause) {
        this.limit = limit;
        this.flag = flag;
        this.note = note;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * The first outcome of {@code attempt} that is not BUSY; empty when {@code interrupted} turns true while
     * waiting, or when an attempt returns empty.
     */
    <T> Optional<T> run(Supplier<Optional<T>> attempt, BooleanSupplier interrupted) {
        // The limit counts from the first refusal: the time to connect and list is not waiting.
        Instant started = null;
        Instant deadline = null;
        Instant nextNote = null;
        Duration next = FIRST_PAUSE;
        while (true) {
            try {
                return attempt.get();
            } catch (SparkifyException e) {
                if (e.code() != ErrorCode.BUSY) {
                    throw e;
                }
                Instant now = clock.instant();
                if (started == null) {
                    started = now;
                    deadline = now.plus(limit);
                    nextNote = now.plus(NOTE_EVERY);
                    note.accept("waiting up to " + WaitDuration.format(limit) + " (" + flag + "): " + e.getMessage());
                } else if (!now.isBefore(deadline)) {
                    throw new SparkifyException(
                            ErrorCode.WAIT_TIMEOUT,
                            "Waited " + WaitDuration.format(limit) + " (" + flag + "), and another run still holds"
                                    + " the warehouse; nothing of this run was done. " + e.getMessage(),
                            e);
                } else if (!now.isBefore(nextNote)) {
                    note.accept(
                            "still waiting for the other run, " + WaitDuration.format(Duration.between(started, now))
                                    + " of " + WaitDuration.format(limit));
                    nextNote = nextNote.plus(NOTE_EVERY);
                }
                Duration left = Duration.between(now, deadline);
                if (!sleep(next.compareTo(left) < 0 ? next : left, interrupted)) {
                    return Optional.empty();
                }
                next = next.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? next.multipliedBy(2) : LONGEST_PAUSE;
            }
        }
    }

    /** Sleeps {@code duration} in slices; false as soon as {@code interrupted} turns true. */
    private boolean sleep(Duration duration, BooleanSupplier interrupted) {
        Instant end = clock.instant().plus(duration);
        while (!interrupted.getAsBoolean()) {
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                return true;
            }
            try {
                pause.sleep(left.compareTo(SLICE) < 0 ? left : SLICE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
