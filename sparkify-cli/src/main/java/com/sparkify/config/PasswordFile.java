package com.sparkify.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * libpq's password file ({@code $PGPASSFILE}, else {@code ~/.pgpass}): lines {@code
 * host:port:database:user:password}, {@code *} matching anything in the first four fields, {@code \}
 * escaping {@code :} and {@code \}, {@code #} starting a comment; the first line that matches wins.
 *
 * @param path where the file is; it need not exist
 */
public record PasswordFile(Path path) {
    public PasswordFile {
        requireNonNull(path, "path is null");
    }

    /** The password of the first line that matches, if the file exists and has one. */
    public Optional<Secret> find(String host, String port, String database, String user) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + path, e);
        }
        String[] wanted = {host, port, database, user};
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            Optional<Entry> entry = Entry.parse(line);
            if (entry.isPresent() && entry.get().matches(wanted)) {
                return Optional.of(new Secret(entry.get().password()));
            }
        }
        return Optional.empty();
    }

    /** One line: four fields to match and the password, all unescaped. */
    private record Entry(List<String> fields, String password) {
        static Optional<Entry> parse(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            while (fields.size() < 4) {
                if (i >= line.length()) {
                    return Optional.empty();
                }
                char c = line.charAt(i++);
                if (c == '\\' && i < line.length()) {
                    field.append(line.charAt(i++));
                } else if (c == ':') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            // As libpq does: the password is the rest of the line, with backslash escapes removed.
            StringBuilder password = new StringBuilder();
            while (i < line.length()) {
                char c = line.charAt(i++);
                password.append(c == '\\' && i < line.length() ? line.charAt(i++) : c);
            }
            return Optional.of(new Entry(fields, password.toString()));
        }

        boolean matches(String[] wanted) {
            for (int i = 0; i < 4; i++) {
                if (!fields.get(i).equals("*") && !fields.get(i).equals(wanted[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
