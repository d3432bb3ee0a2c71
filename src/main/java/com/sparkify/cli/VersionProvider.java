package com.sparkify.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = SparkifyCommand.class.getPackage().getImplementationVersion();
        return new String[] {"sparkify " + (version == null ? "development build" : version)};
    }
}
