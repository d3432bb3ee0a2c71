package com.sparkify.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchmarkCommandTest {
    @TempDir
    Path dir;

    @Test
    void prepareWritesTheGivenNumberOfCopiesOfEveryEventLog() throws IOException {
        Path songs = Files.createDirectories(dir.resolve("in/song_data/A"));
        Files.writeString(songs.resolve("TRA.json"), "{\"song_id\":\"S1\",\"artist_id\":\"A1\"}\n");
        Path logs = Files.createDirectories(dir.resolve("in/log_data"));
        Files.writeString(
                logs.resolve("2018-11-01-events.json"),
                "{\"ts\":1541030400000,\"sessionId\":1,\"page\":\"NextSong\"}\n"
                        + "{\"ts\":1541030400001,\"sessionId\":1,\"page\":\"Home\"}\n");

        String[] args = {
            "prepare",
            "--songs",
            songs.getParent().toString(),
            "--logs",
            logs.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--copies",
            "3"
        };
        StringWriter out = new StringWriter();
        int code = run(out, args);

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Wrote 6 events");
        try (Stream<Path> files = Files.walk(dir.resolve("out/log_data"))) {
            List<Path> events = files.filter(Files::isRegularFile).toList();
            long lines = 0;
            for (Path file : events) {
                lines += Files.readAllLines(file).stream()
                        .filter(line -> !line.isBlank())
                        .count();
            }
            assertThat(lines).isEqualTo(6);
        }
    }

    @Test
    void aCountOfCopiesOutOfRangeIsAUsageError() {
        StringWriter out = new StringWriter();
        int code = run(out, "prepare", "--songs", "s", "--logs", "l", "--out", "o", "--copies", "0");

        assertThat(code).isEqualTo(ErrorCode.USAGE.exitCode());
        assertThat(out.toString())
                .isEqualTo("error: Expected --copies from 1 to 9999, found 0" + System.lineSeparator());
    }

    private static int run(StringWriter out, String... args) {
        CommandLine command = BenchmarkCommand.commandLine();
        PrintWriter writer = new PrintWriter(out, true);
        command.setOut(writer);
        command.setErr(writer);
        return command.execute(args);
    }
}
