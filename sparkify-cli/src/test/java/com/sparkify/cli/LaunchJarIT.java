package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two jars `mvn package` builds (pom.xml): target/sparkify.jar carries DuckDB's native library and
 * copies it into the temp folder on every start; target/launch/sparkify.jar, which ./sparkify runs, loads
 * it from beside itself and copies nothing. A temp folder that does not exist tells them apart (DuckDB
 * deletes its copy at exit, so looking for it afterwards would not).
 */
class LaunchJarIT {
    private static final Path TARGET = Path.of("target");

    @TempDir
    Path dir;

    @Test
    void neitherJarCarriesTheBenchmarkTools() throws IOException {
        for (Path jar : List.of(TARGET.resolve("sparkify.jar"), TARGET.resolve("launch/sparkify.jar"))) {
            try (JarFile file = new JarFile(jar.toFile())) {
                List<String> classes = file.stream()
                        .map(JarEntry::getName)
                        .filter(name -> name.startsWith("com/sparkify/"))
                        .toList();
                assertThat(classes).as(jar.toString()).contains("com/sparkify/cli/SparkifyCommand.class");
                assertThat(classes)
                        .as(jar.toString())
                        .noneMatch(name -> name.startsWith("com/sparkify/bench/")
                                || name.startsWith("com/sparkify/cli/BenchmarkCommand"));
            }
        }
    }

    @Test
    void theLauncherJarLoadsDuckDbWithoutCopyingItsLibrary() throws Exception {
        Path noTemp = dir.resolve("no-such-temp-folder");

        Process run = start(TARGET.resolve("launch/sparkify.jar"), noTemp, dir.resolve("launch.duckdb"));

        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(output(run)).isZero();
        assertThat(dir.resolve("launch.duckdb")).exists();
    }

    @Test
    void theSelfContainedJarRunsAloneByCopyingTheLibraryToTemp() throws Exception {
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        Process run = start(TARGET.resolve("sparkify.jar"), temp, dir.resolve("alone.duckdb"));
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(output(run)).isZero();
        assertThat(dir.resolve("alone.duckdb")).exists();

        Process withoutTemp =
                start(TARGET.resolve("sparkify.jar"), dir.resolve("no-such-temp-folder"), dir.resolve("x"));
        assertThat(withoutTemp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(withoutTemp.exitValue()).isEqualTo(11);
        assertThat(output(withoutTemp))
                .startsWith("error: Cannot load DuckDB's native library")
                .contains("no-such-temp-folder")
                .hasLineCount(1);
    }

    @Test
    void theLauncherMapsTheClassesOfAnEtlFromAnArchiveItMakesOnce() throws Exception {
        Process launcher = new ProcessBuilder("../sparkify", "--version")
                .redirectErrorStream(true)
                .start();
        assertThat(launcher.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).as(output(launcher)).isZero();
        List<Path> archives;
        try (var files = Files.list(TARGET.resolve("launch"))) {
            archives = files.filter(f -> f.getFileName().toString().endsWith(".jsa"))
                    .toList();
        }
        assertThat(archives).as("the launcher's class archive").isNotEmpty();

        // -Xshare:on: the JVM refuses to start when it cannot map the archive. picocli's classes are in
        // Java 5's format, which only a static archive holds; EtlCommand shows that the archive was made
        // from an etl run.
        Process mapped = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xshare:on",
                        "-XX:SharedArchiveFile=" + archives.get(0),
                        "-Xlog:class+load",
                        "-jar",
                        TARGET.resolve("launch/sparkify.jar").toString(),
                        "etl",
                        "--help")
                .redirectErrorStream(true)
                .start();
        String log = output(mapped);
        assertThat(mapped.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mapped.exitValue()).as(log).isZero();
        assertThat(log)
                .contains("picocli.CommandLine source: shared objects file")
                .contains("com.sparkify.cli.EtlCommand source: shared objects file");
    }

    private static Process start(Path jar, Path temp, Path warehouse) throws IOException {
        assertThat(jar).as("built by mvn package before the integration tests").exists();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp,
                "-jar",
                jar.toString(),
                "create-tables",
                "--warehouse=jdbc:duckdb:" + warehouse);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes());
    }
}
