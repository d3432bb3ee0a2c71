package com.sparkify.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleNativeCopiesTest {
    @TempDir
    Path tmp;

    @Test
    void removesOnlyDuckDbLibraryCopiesOlderThanADay() throws IOException {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        Path old = copy("libduckdb_java123.so", now.minus(Duration.ofDays(2)));
        Path fresh = copy("libduckdb_java456.so", now.minus(Duration.ofMinutes(5)));
        Path other = copy("libother123.so", now.minus(Duration.ofDays(30)));

        assertThat(StaleNativeCopies.remove(tmp, now)).isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(other).exists();
    }

    @Test
    void aMissingFolderIsNotAnError() {
        assertThat(StaleNativeCopies.remove(tmp.resolve("gone"), Instant.now())).isZero();
    }

    private Path copy(String name, Instant modified) throws IOException {
        Path file = Files.writeString(tmp.resolve(name), "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
