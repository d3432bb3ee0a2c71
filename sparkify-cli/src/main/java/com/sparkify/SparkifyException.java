package com.sparkify;

import static java.util.Objects.requireNonNull;

/**
 * The one exception family of sparkify. Its message says what was expected, what was found and what to
 * do; its {@link ErrorCode} decides the process exit code.
 */
public class SparkifyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public SparkifyException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public SparkifyException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }
}
