package com.sparkify.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version and the commit the build wrote into {@code build.properties} (pom.xml), or "development build"
 * when run from classes that no Maven build made.
 */
final class VersionProvider implements IVersionProvider {
    static final String RESOURCE = "build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"sparkify " + describe(read())};
    }

    static String describe(Properties build) {
        String version = build.getProperty("version");
        if (version == null) {
            return "development build";
        }
        return version + " (commit " + build.getProperty("commit", "unknown") + ")";
    }

    private static Properties read() {
        Properties build = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + " from the sparkify jar", e);
        }
        return build;
    }
}
