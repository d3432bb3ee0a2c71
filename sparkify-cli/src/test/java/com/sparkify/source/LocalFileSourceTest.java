package com.sparkify.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.SparkifyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSourceTest {
    @TempDir
    Path dir;

    @Test
    void followsSymbolicLinksToFoldersAndFiles() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/2018/11"));
        Files.writeString(elsewhere.resolve("2018-11-01-events.json"), "{}\n");
        Path logs = Files.createDirectories(dir.resolve("log_data"));
        Files.writeString(logs.resolve("2018-11-02-events.json"), "{}\n");
        Files.createSymbolicLink(logs.resolve("linked"), dir.resolve("elsewhere"));
        Files.writeString(dir.resolve("other.json"), "{}\n");
        Files.createSymbolicLink(logs.resolve("one.json"), dir.resolve("other.json"));

        assertThat(new LocalFileSource(logs, DataKind.EVENTS).list())
                .extracting(file -> logs.relativize(Path.of(file.uri())).toString())
                .containsExactly("2018-11-02-events.json", "linked/2018/11/2018-11-01-events.json", "one.json");
    }

    @Test
    void aFileReachedTwiceThroughALinkInsideTheTreeIsListedOnce() throws IOException {
        Path month = Files.createDirectories(dir.resolve("log_data/2018/11"));
        Files.writeString(month.resolve("2018-11-01-events.json"), "{}\n");
        Files.createSymbolicLink(dir.resolve("log_data/latest"), month);

        assertThat(new LocalFileSource(dir.resolve("log_data"), DataKind.EVENTS).list())
                .extracting(file ->
                        dir.resolve("log_data").relativize(Path.of(file.uri())).toString())
                .containsExactly("2018/11/2018-11-01-events.json");
    }

    @Test
    void aLinkLoopIsOneClearError() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("log_data/a"));
        Files.createSymbolicLink(logs.resolve("back"), dir.resolve("log_data"));

        assertThatThrownBy(() -> new LocalFileSource(dir.resolve("log_data"), DataKind.EVENTS).list())
                .isInstanceOf(SparkifyException.class)
                .hasMessageStartingWith("Cannot list ");
    }
}
