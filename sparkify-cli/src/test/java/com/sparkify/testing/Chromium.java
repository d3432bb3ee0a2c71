package com.sparkify.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium ({@code /usr/bin/chromium}, or $CHROMIUM), to look at generated HTML in a real browser.
 * Tests that need it are skipped with a message where it is absent, except in CI ({@code CI=true}), where
 * .ci/run installs it: there its absence fails the test.
 */
public final class Chromium {
    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    public static Chromium require() {
        String override = System.getenv("CHROMIUM");
        Path executable = Path.of(override != null ? override : "/usr/bin/chromium");
        if (!Files.isExecutable(executable)) {
            String message = "Chromium absent: " + executable + " (apt-get install chromium, or set CHROMIUM)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return new Chromium(executable);
    }

    /**
     * Loads {@code page} with scripts on and network off, and returns the DOM once the page has loaded,
     * as changed by the page's scripts.
     */
    public String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(
                        executable.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND",
                        "--window-size=1000,4000",
                        "--user-data-dir=" + profile.toAbsolutePath(),
                        "--dump-dom",
                        page.toAbsolutePath().toUri().toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish within 90 s on " + page);
        }
        if (process.exitValue() != 0) {
            fail("Chromium exited with " + process.exitValue() + " on " + page);
        }
        return out.join();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
