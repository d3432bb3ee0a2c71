package com.sparkify.config;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sets values in an INI file and leaves everything else as it was: comments, blank lines, the order and
 * spelling of keys, the line endings and the file's permissions. The file is replaced in one move, so a crash
 * leaves either the old or the new file.
 */
public final class IniFileEditor {
    private final List<String> lines;
    private final String newline;

    private IniFileEditor(List<String> lines, String newline) {
        this.lines = lines;
        this.newline = newline;
    }

    public static IniFileEditor open(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String newline = text.contains("\r\n") ? "\r\n" : "\n";
            List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return new IniFileEditor(lines, newline);
        } catch (IOException e) {
            throw new SparkifyException(ErrorCode.CONFIG, "Cannot read config file " + file + ": " + e, e);
        }
    }

    /** Sets {@code [section] key = value}: in place when the key exists, else at the end of its section. */
    public IniFileEditor set(String section, String key, String value) {
        int header = findSection(section);
        if (header < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[" + section + "]");
            lines.add(key + "=" + value);
            return this;
        }
        int end = sectionEnd(header);
        int lastEntry = header;
        for (int i = header + 1; i < end; i++) {
            String line = lines.get(i);
            if (isComment(line) || line.isBlank()) {
                continue;
            }
            lastEntry = i;
            int separator = separatorIndex(line);
            if (separator > 0 && line.substring(0, separator).strip().equalsIgnoreCase(key)) {
                int valueStart = separator + 1;
                while (valueStart < line.length() && line.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                String head = line.substring(0, valueStart);
                boolean spacedBefore = separator > 0 && line.charAt(separator - 1) == ' ';
                if (valueStart == separator + 1 && spacedBefore) {
                    head += " "; // "HOST =" with no value yet becomes "HOST = value", as its neighbours read
                }
                lines.set(i, head + value);
                return this;
            }
        }
        lines.add(lastEntry + 1, key + separatorStyle(header, end) + value);
        return this;
    }

    /** Writes the file back, keeping its permissions. */
    public void write(Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".sparkify-tmp");
        try {
            Files.writeString(temporary, String.join(newline, lines) + newline, StandardCharsets.UTF_8);
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                Files.setPosixFilePermissions(temporary, permissions);
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: there are no permissions to keep.
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SparkifyException(ErrorCode.CONFIG, "Cannot write config file " + file + ": " + e, e);
        }
    }

    private int findSection(String section) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("[")
                    && line.endsWith("]")
                    && line.substring(1, line.length() - 1)
                            .strip()
                            .toUpperCase(Locale.ROOT)
                            .equals(section.toUpperCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private int sectionEnd(int header) {
        for (int i = header + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                return i;
            }
        }
        return lines.size();
    }

    /** The separator the section's other keys use ({@code =}, {@code  = }, {@code : }), so a new key blends in. */
    private String separatorStyle(int header, int end) {
        for (int i = header + 1; i < end; i++) {
            String line = lines.get(i);
            int separator = separatorIndex(line);
            if (!isComment(line) && separator > 0) {
                int start = separator;
                while (start > 0 && line.charAt(start - 1) == ' ') {
                    start--;
                }
                int stop = separator + 1;
                while (stop < line.length() && line.charAt(stop) == ' ') {
                    stop++;
                }
                return line.substring(start, stop);
            }
        }
        return "=";
    }

    private static boolean isComment(String line) {
        String stripped = line.strip();
        return stripped.startsWith("#") || stripped.startsWith(";");
    }

    private static int separatorIndex(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }
}
