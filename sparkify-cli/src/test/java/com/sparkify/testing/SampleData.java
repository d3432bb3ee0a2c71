package com.sparkify.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The public Sparkify sample beside the repository ({@code ../../shared/data/sparkify-sample} from the module
 * the tests run in, or
 * $SPARKIFY_SAMPLE_DATA). Tests that need it are skipped with a message where it is absent, except in CI
 * ({@code CI=true}), which always has it: there its absence fails the test.
 */
public final class SampleData {
    private SampleData() {}

    public static Path folder() {
        String override = System.getenv("SPARKIFY_SAMPLE_DATA");
        Path folder = override != null ? Path.of(override) : Path.of("..", "..", "shared", "data", "sparkify-sample");
        folder = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder.resolve("log_data")) || !Files.isDirectory(folder.resolve("song_data"))) {
            String message = "sample data folder absent: " + folder + " (set SPARKIFY_SAMPLE_DATA to use another)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return folder;
    }

    public static Path songs() {
        return folder().resolve("song_data");
    }

    public static Path logs() {
        return folder().resolve("log_data");
    }
}
