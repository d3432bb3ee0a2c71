package com.sparkify.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {
    @TempDir
    Path dir;

    private PasswordFile file(String... lines) throws IOException {
        return new PasswordFile(Files.writeString(dir.resolve("pgpass"), String.join("\n", lines) + "\n"));
    }

    private static String find(PasswordFile file, String host, String port, String database, String user) {
        return file.find(host, port, database, user).map(Secret::reveal).orElse(null);
    }

    @Test
    void theFirstLineThatMatchesWinsAndAStarMatchesAnything() throws IOException {
        PasswordFile file = file(
                "# host:port:database:user:password",
                "db.example.com:5432:music:ann:first",
                "db.example.com:*:*:ann:second",
                "*:*:*:*:fallback");

        assertThat(find(file, "db.example.com", "5432", "music", "ann")).isEqualTo("first");
        assertThat(find(file, "db.example.com", "6543", "other", "ann")).isEqualTo("second");
        assertThat(find(file, "elsewhere", "5432", "music", "bob")).isEqualTo("fallback");
    }

    @Test
    void backslashEscapesColonAndBackslashAndThePasswordIsTheRestOfTheLine() throws IOException {
        PasswordFile file = file("h\\:x:5432:db:ann:pa\\:ss\\\\word:with:colons", "h:5432:db:ann:plain");

        assertThat(find(file, "h:x", "5432", "db", "ann")).isEqualTo("pa:ss\\word:with:colons");
        assertThat(find(file, "h", "5432", "db", "ann")).isEqualTo("plain");
    }

    @Test
    void nothingMatchesAShortLineACommentOrAMissingFile() throws IOException {
        PasswordFile file = file("#h:5432:db:ann:commented", "h:5432:db", "");

        assertThat(file.find("h", "5432", "db", "ann")).isEmpty();
        assertThat(new PasswordFile(dir.resolve("none")).find("h", "5432", "db", "ann"))
                .isEmpty();
    }

    @Test
    void thePasswordIsNeverShown() throws IOException {
        PasswordFile file = file("*:*:*:*:hunter22");

        assertThat(file.find("h", "1", "d", "u").orElseThrow().toString()).doesNotContain("hunter22");
    }
}
