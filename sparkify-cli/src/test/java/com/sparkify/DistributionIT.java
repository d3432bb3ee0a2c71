package com.sparkify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.testing.SampleData;
import com.sparkify.testing.Tables;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive `mvn package` builds (pom.xml, docs/deploy.md), unpacked as a user would into a
 * read-only folder and run through its bin/sparkify from another folder. Tests run as root here, whom file
 * permissions do not stop, so the install's listing before and after a run is what proves nothing was
 * written into it.
 */
class DistributionIT {
    private static final Path TARGET = Path.of("target");
    /** The module's folder under the repository's root, where the Dockerfile is. */
    private static final Path MODULE = Path.of("").toAbsolutePath().getFileName();

    private static final List<String> TABLES = List.of("songplays", "users", "songs", "artists", "time", "load_errors");

    @TempDir
    static Path opt;

    private static Path archive;
    private static Path install;

    @TempDir
    Path dir;

    @BeforeAll
    static void unpackReadOnly() throws Exception {
        archive = theArchive();
        run(List.of("tar", "xzf", archive.toAbsolutePath().toString(), "-C", opt.toString()), opt, Map.of());
        install = opt.resolve(folderName(archive));
        run(List.of("chmod", "-R", "a-w", opt.toString()), opt, Map.of());
    }

    @AfterAll
    static void makeWritableForCleanUp() throws Exception {
        run(List.of("chmod", "-R", "u+w", opt.toString()), opt, Map.of());
    }

    @Test
    void theArchiveHoldsTheLauncherTheJarAndLinuxNativeLibrariesAndMatchesItsChecksum() throws Exception {
        assertThat(listing(install).keySet())
                .containsExactlyInAnyOrder(
                        "bin",
                        "bin/sparkify",
                        "lib",
                        "lib/sparkify.jar",
                        "lib/libduckdb_java.so_linux_amd64",
                        "lib/libduckdb_java.so_linux_arm64");
        assertThat(Files.isExecutable(install.resolve("bin/sparkify"))).isTrue();

        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
        Path checksum = archive.resolveSibling(archive.getFileName() + ".sha256");
        assertThat(Files.readString(checksum).strip()).isEqualTo(sha256 + "  " + archive.getFileName());
    }

    @Test
    void aReadOnlyInstallLoadsTheSampleFromAnotherFolderAsANormalRunDoes() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path cache = dir.resolve("cache");
        Map<String, String> before = listing(install);

        Result etl = sparkify(
                work,
                Map.of("XDG_CACHE_HOME", cache.toString()),
                "etl",
                "--warehouse=jdbc:duckdb:installed.duckdb",
                "--songs=" + SampleData.songs(),
                "--logs=" + SampleData.logs());

        assertThat(etl.exitCode()).as(etl.output()).isZero();
        assertThat(listing(install)).as("the install after a run").isEqualTo(before);
        assertThat(listFolder(cache.resolve("sparkify")))
                .as("the start-up class archive, in the cache folder")
                .anyMatch(name -> name.matches("classes-[0-9]+\\.jsa"));

        String normalUrl = "jdbc:duckdb:" + dir.resolve("normal.duckdb");
        TestWarehouses.etl(normalUrl, SampleData.songs(), SampleData.logs(), false, 0);
        Map<String, Long> normal = counts(normalUrl);
        assertThat(normal.get("songplays")).isPositive();
        assertThat(counts("jdbc:duckdb:" + work.resolve("installed.duckdb"))).isEqualTo(normal);
    }

    @Test
    void versionNamesTheReleaseAndTheCommitItWasBuiltFrom() throws Exception {
        Result version = sparkify(dir, Map.of("SPARKIFY_CACHE_DIR", ""), "--version");

        assertThat(version.exitCode()).as(version.output()).isZero();
        String release = folderName(archive).substring("sparkify-".length());
        assertThat(version.output().strip()).matches("sparkify " + Pattern.quote(release) + " \\(commit \\S+\\)");
        Result head = run(List.of("git", "rev-parse", "--short=12", "HEAD"), Path.of("."), Map.of());
        if (head.exitCode() == 0) {
            assertThat(version.output()).contains("(commit " + head.output().strip());
        }
    }

    @Test
    void runsWithoutTheClassArchiveWhereNoCacheFolderCanBeMade() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "");
        Map<String, String> before = listing(install);

        Result version = sparkify(dir, Map.of("XDG_CACHE_HOME", notAFolder.toString()), "--version");

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("sparkify ");
        assertThat(listing(install)).isEqualTo(before);
    }

    @Test
    void refusesAJavaOlderThan17WithOneLineAndExit3() throws Exception {
        // Two runtimes that must never start: one says its version in a release file, one only when run.
        Path withRelease = fakeJava("with-release", "exit 99");
        Files.writeString(withRelease.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path withoutRelease = fakeJava("without-release", "echo 'openjdk version \"1.8.0_392\"' >&2");

        for (Path javaHome : List.of(withRelease, withoutRelease)) {
            Result run = sparkify(dir, Map.of("JAVA_HOME", javaHome.toString()), "--version");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
            assertThat(run.output())
                    .startsWith("error: sparkify needs Java 17 or newer")
                    .hasLineCount(1);
        }
    }

    @Test
    void theDockerfileAddsThisArchiveAndLinksItsLauncher() throws IOException {
        String dockerfile = Files.readString(Path.of("..", "Dockerfile"), StandardCharsets.UTF_8);
        Matcher add = Pattern.compile("(?m)^ADD (\\S+) /opt/$").matcher(dockerfile);
        assertThat(add.find()).as("ADD <archive> /opt/ in the Dockerfile").isTrue();
        assertThat(FileSystems.getDefault()
                        .getPathMatcher("glob:" + add.group(1))
                        .matches(MODULE.resolve(TARGET).resolve(archive.getFileName())))
                .as("%s matches %s", add.group(1), archive)
                .isTrue();
        Matcher link =
                Pattern.compile("ln -s /opt/(\\S+) /usr/local/bin/sparkify").matcher(dockerfile);
        assertThat(link.find()).as("the link to the launcher in the Dockerfile").isTrue();
        Path launcher = Path.of(folderName(archive), "bin", "sparkify");
        assertThat(FileSystems.getDefault()
                        .getPathMatcher("glob:" + link.group(1))
                        .matches(launcher))
                .as("%s matches %s", link.group(1), launcher)
                .isTrue();
    }

    private Path fakeJava(String name, String body) throws IOException {
        Path home = dir.resolve(name);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private Result sparkify(Path workingFolder, Map<String, String> environment, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(install.resolve("bin/sparkify").toString()));
        command.addAll(List.of(args));
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        Map<String, String> env = new TreeMap<>(Map.of("TMPDIR", temp.toString(), "HOME", dir.toString()));
        env.putAll(environment);
        return run(command, workingFolder, env);
    }

    private static Result run(List<String> command, Path workingFolder, Map<String, String> environment)
            throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workingFolder.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SPARKIFY_") || name.equals("JAVA_HOME"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS))
                .as(String.join(" ", command))
                .isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Map<String, Long> counts(String url) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Warehouse warehouse = TestWarehouses.open(url)) {
            for (String table : TABLES) {
                counts.put(table, Tables.count(TestWarehouses.jdbc(warehouse), "SELECT COUNT(*) FROM " + table));
            }
        }
        return counts;
    }

    /** Each file and folder under {@code root} with its size, time and permissions. */
    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> listing = new TreeMap<>();
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.filter(path -> !path.equals(root)).toList()) {
                listing.put(
                        root.relativize(path).toString(),
                        Files.size(path) + " " + Files.getLastModifiedTime(path) + " "
                                + PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            }
        }
        return listing;
    }

    private static List<String> listFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    /** target/sparkify-VERSION.tar.gz, VERSION as the build wrote it beside the classes. */
    private static Path theArchive() throws IOException {
        Properties build = new Properties();
        try (InputStream in = DistributionIT.class.getResourceAsStream("/com/sparkify/cli/build.properties")) {
            assertThat(in).as("build.properties, written by mvn package").isNotNull();
            build.load(in);
        }
        Path archive = TARGET.resolve("sparkify-" + build.getProperty("version") + ".tar.gz");
        assertThat(archive).as("the release archive, built by mvn package").exists();
        return archive;
    }

    private static String folderName(Path archive) {
        return archive.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
    }

    private record Result(int exitCode, String output) {}
}
