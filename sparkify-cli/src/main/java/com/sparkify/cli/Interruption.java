package com.sparkify.cli;

import com.sparkify.pipeline.EtlPipeline;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What an etl run does on SIGINT (Ctrl-C), SIGTERM or SIGHUP. The JVM runs its shutdown hooks, then exits
 * 128 + the signal's number (130, 143, 129). While a run is watched, the hook stops it, says so in one line,
 * and waits a while for the run to roll back and close the warehouse: a DuckDB warehouse then removes its
 * spill folder, and the run is recorded as interrupted. A run that does not stop in time is cut off as by
 * SIGKILL, which the next run repairs.
 */
final class Interruption implements AutoCloseable {
    /** Less than the grace period of a scheduler that follows SIGTERM with SIGKILL (Kubernetes: 30 s). */
    static final long WAIT_SECONDS = 20;

    private final PrintStream err;
    private final CountDownLatch over = new CountDownLatch(1);
    private final Thread hook = new Thread(this::interrupted, "sparkify-interrupted");
    /** Guarded by {@code this}. */
    private boolean happened;

    private EtlPipeline pipeline;

    private Interruption(PrintStream err) {
        this.err = err;
    }

    /** Watches for a signal until {@link #close}; a run is stopped once {@link #follow followed}. */
    static Interruption watch(PrintStream err) {
        Interruption interruption = new Interruption(err);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /** The run to stop on a signal; stopped at once when one came while the warehouse opened. */
    void follow(EtlPipeline run) {
        boolean stop;
        synchronized (this) {
            pipeline = run;
            stop = happened;
        }
        if (stop) {
            run.cancel();
        }
    }

    /** The followed run is over: a signal from now on has no run to stop. */
    synchronized void unfollow() {
        pipeline = null;
    }

    /** Whether a signal stopped the run: then the hook has said so, and nothing else should be printed. */
    synchronized boolean happened() {
        return happened;
    }

    private void interrupted() {
        EtlPipeline run;
        synchronized (this) {
            happened = true;
            run = pipeline;
        }
        // Before the warehouse opened, the run is stopped as soon as it follows.
        boolean stopped = run == null || run.cancel();
        if (stopped) {
            err.println("interrupted; nothing was published");
            err.flush();
        }
        try {
            over.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!stopped) {
            err.println(
                    run.committed()
                            ? "interrupted after the run committed; it is published"
                            : "interrupted; nothing was published");
            err.flush();
        }
    }

    /** The run is over and the warehouse closed. */
    @Override
    public void close() {
        over.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running, and was waiting for this.
        }
    }
}
