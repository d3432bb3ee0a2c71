package com.sparkify.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The {@code [CLUSTER]} section of dwh.cfg: where the warehouse server is and who connects to it.
 *
 * @param host server host, absent when only credentials are given
 * @param port server port, absent for the engine's default
 * @param database database name
 * @param user user name
 * @param password password; never printed
 */
public record Cluster(
        Optional<String> host,
        Optional<Integer> port,
        Optional<String> database,
        Optional<String> user,
        Optional<Secret> password) {
    public Cluster {
        requireNonNull(host, "host is null");
        requireNonNull(port, "port is null");
        requireNonNull(database, "database is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    public static Cluster none() {
        return new Cluster(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
