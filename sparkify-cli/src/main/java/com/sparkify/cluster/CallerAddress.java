package com.sparkify.cluster;

/** Finds the public address this machine reaches AWS from, to open the cluster's port to it alone. */
@FunctionalInterface
public interface CallerAddress {
    /**
     * The address, as text.
     *
     * @throws com.sparkify.SparkifyException when it cannot be found
     */
    String lookup();
}
