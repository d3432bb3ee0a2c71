package com.sparkify.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A user and a password from one place (a URL, the environment, the config file), each possibly absent.
 *
 * @param user the user name
 * @param password the password; never printed
 */
public record Login(Optional<String> user, Optional<Secret> password) {
    public Login {
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    public static Login none() {
        return new Login(Optional.empty(), Optional.empty());
    }

    /** This login, with each part it lacks taken from {@code fallback}: libpq resolves each parameter alone. */
    public Login or(Login fallback) {
        return new Login(user.or(fallback::user), password.or(fallback::password));
    }
}
