package com.sparkify.bench;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.sparkify.source.S3TestStore;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Not a test: times {@code sparkify etl} staging many small song files from a local folder, from a loopback
 * server answering the two S3 calls sparkify makes from memory ({@link LoopbackS3Server}), and from S3Mock,
 * each etl a fresh JVM and a fresh DuckDB file. The servers run in this JVM, on the same machine. Run by
 * {@code bench/s3-small-objects.sh}; arguments: WORK_DIR FILES ROUNDS S3MOCK_ROUNDS SPARKIFY_JAR.
 */
public final class S3SmallObjectsBenchmark {
    private S3SmallObjectsBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        int files = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int s3MockRounds = Integer.parseInt(args[3]);
        Path jar = Path.of(args[4]).toAbsolutePath();
        deleteRecursively(work);
        Path local = work.resolve("data");
        long bytes = writeSongs(local.resolve("song_data"), files);
        Path logs = Files.createDirectories(local.resolve("log_data"));
        Files.writeString(logs.resolve("empty-day.json"), "");
        System.out.printf(
                Locale.ROOT, "%,d song files, %,d bytes (%.0f bytes each)%n", files, bytes, (double) bytes / files);

        List<String> results = new ArrayList<>();
        String songs = "s3://bench/song_data";
        String events = "s3://bench/log_data";
        try (LoopbackS3Server loopback = new LoopbackS3Server("bench", local)) {
            for (int round = 1; round <= rounds; round++) {
                results.add(run(
                        jar, work, "local", round, local.resolve("song_data").toString(), logs.toString(), null));
                results.add(run(jar, work, "loopback-s3", round, songs, events, loopback.endpoint()));
            }
        }
        if (s3MockRounds > 0) {
            S3MockExtension server = S3TestStore.server("bench");
            server.beforeAll(null);
            try (S3Client client = S3TestStore.client(S3TestStore.endpoint(server))) {
                client.createBucket(b -> b.bucket("bench"));
                long started = System.nanoTime();
                S3TestStore.upload(client, "bench", local, "");
                System.out.printf(Locale.ROOT, "upload to S3Mock: %.1f s%n", seconds(started));
                for (int round = 1; round <= s3MockRounds; round++) {
                    results.add(run(jar, work, "s3mock", round, songs, events, S3TestStore.endpoint(server)));
                }
            } finally {
                server.afterAll(null);
            }
        }
        System.out.println("--- all rounds");
        results.forEach(System.out::println);
    }

    private static long writeSongs(Path songData, int count) throws IOException {
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            Path file = songData.resolve((char) ('A' + i % 26) + "/" + (char) ('A' + i / 26 % 26) + "/"
                    + (char) ('A' + i / 676 % 26) + "/TRBENCH" + String.format(Locale.ROOT, "%06d", i) + ".json");
            Files.createDirectories(file.getParent());
            String json = String.format(
                    Locale.ROOT,
                    "{\"num_songs\": 1, \"artist_id\": \"ARBENCH%05d\", \"artist_latitude\": 35.14968,"
                            + " \"artist_longitude\": -90.04892, \"artist_location\": \"Memphis, TN\","
                            + " \"artist_name\": \"Artist %d\", \"song_id\": \"SOBENCH%06d\","
                            + " \"title\": \"Song number %d\", \"duration\": %.5f, \"year\": %d}",
                    i % 5000,
                    i % 5000,
                    i,
                    i,
                    120 + (i % 240) + 0.12345,
                    i % 7 == 0 ? 0 : 1960 + i % 60);
            Files.writeString(file, json);
            bytes += json.length();
        }
        return bytes;
    }

    /**
     * One etl in a fresh JVM, under GNU time; returns its wall time, the CPU time of the etl process and of
     * this JVM (S3Mock) meanwhile, and the etl's peak memory. CPU times say what a quieter machine would do.
     */
    private static String run(Path jar, Path work, String label, int round, String songs, String logs, String endpoint)
            throws Exception {
        Path database = work.resolve(label + "-" + round + ".duckdb");
        Path times = work.resolve(label + "-" + round + ".time");
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/time",
                "-o",
                times.toString(),
                "-f",
                "%U %S %M",
                "java",
                "-jar",
                jar.toString(),
                "etl",
                "--warehouse",
                "jdbc:duckdb:" + database,
                "--songs",
                songs,
                "--logs",
                logs));
        if (endpoint != null) {
            command.add("--s3-endpoint");
            command.add(endpoint);
        }
        ProcessBuilder process = new ProcessBuilder(command)
                .redirectOutput(work.resolve(label + "-" + round + ".out").toFile())
                .redirectErrorStream(true);
        process.environment().put("AWS_ACCESS_KEY_ID", S3TestStore.ACCESS_KEY);
        process.environment().put("AWS_SECRET_ACCESS_KEY", S3TestStore.SECRET_KEY);
        OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long serverCpu = system.getProcessCpuTime();
        long started = System.nanoTime();
        int exit = process.start().waitFor();
        double wall = seconds(started);
        double serverSeconds = (system.getProcessCpuTime() - serverCpu) / 1e9;
        String[] etl = Files.readString(times).strip().split("\\s+");
        String result = String.format(
                Locale.ROOT,
                "%-11s round %d: wall %6.2f s | etl cpu %6.2f s, peak %4d MB | server cpu %6.2f s | exit %d",
                label,
                round,
                wall,
                Double.parseDouble(etl[etl.length - 3]) + Double.parseDouble(etl[etl.length - 2]),
                Long.parseLong(etl[etl.length - 1]) / 1024,
                serverSeconds,
                exit);
        System.out.println(result);
        Files.deleteIfExists(database);
        return result;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
