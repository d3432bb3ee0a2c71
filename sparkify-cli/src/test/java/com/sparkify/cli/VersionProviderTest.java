package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** `sparkify --version`: the version and commit the build wrote, and what a build without them says. */
class VersionProviderTest {
    @Test
    void namesTheVersionAndTheCommit() {
        assertThat(VersionProvider.describe(properties("0.3.0", "83e405b2a7b6")))
                .isEqualTo("0.3.0 (commit 83e405b2a7b6)");
        assertThat(VersionProvider.describe(properties("0.3.0", null))).isEqualTo("0.3.0 (commit unknown)");
        assertThat(VersionProvider.describe(new Properties())).isEqualTo("development build");
    }

    @Test
    void printsWhatTheBuildWroteBesideTheClasses() throws IOException {
        Properties build = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(VersionProvider.RESOURCE)) {
            assertThat(in)
                    .as("build.properties, written by the build (pom.xml)")
                    .isNotNull();
            build.load(in);
        }
        assertThat(build.getProperty("commit")).matches("unknown|[0-9a-f]{12}(-dirty)?");

        CommandRun run = CommandRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip())
                .isEqualTo(
                        "sparkify " + build.getProperty("version") + " (commit " + build.getProperty("commit") + ")");
    }

    private static Properties properties(String version, String commit) {
        Properties properties = new Properties();
        properties.setProperty("version", version);
        if (commit != null) {
            properties.setProperty("commit", commit);
        }
        return properties;
    }
}
