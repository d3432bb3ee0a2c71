package com.sparkify.cluster;

import java.time.Duration;

/** Waits between two polls; tests pass one that only moves their clock. */
@FunctionalInterface
public interface Pause {
    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
