package com.sparkify.config;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The INI layout of Python's configparser, as the classic Sparkify {@code dwh.cfg} uses it: {@code
 * [SECTION]} headers, {@code KEY = value} or {@code KEY: value}, {@code #} and {@code ;} comments. Section
 * and key names are case-insensitive; surrounding quotes on a value are removed.
 */
public final class IniFile {
    private final Map<String, String> values;

    private IniFile(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static IniFile empty() {
        return new IniFile(Map.of());
    }

    public static IniFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SparkifyException(ErrorCode.CONFIG, "Cannot read config file " + path + ": " + e, e);
        }
        return parse(lines, path.toString());
    }

    static IniFile parse(List<String> lines, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toUpperCase(Locale.ROOT);
                continue;
            }
            int separator = separatorIndex(line);
            if (section == null || separator < 0) {
                throw new SparkifyException(
                        ErrorCode.CONFIG,
                        "Expected [SECTION] or KEY = value in " + name + " line " + (i + 1) + ", found '"
                                + (separator < 0 ? line : line.substring(0, separator)) + "'");
            }
            String key = line.substring(0, separator).strip().toUpperCase(Locale.ROOT);
            values.put(
                    section + "." + key, unquote(line.substring(separator + 1).strip()));
        }
        return new IniFile(values);
    }

    private static int separatorIndex(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && ((value.startsWith("'") && value.endsWith("'"))
                        || (value.startsWith("\"") && value.endsWith("\"")))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** The value of {@code [section] key}, absent when missing or empty. */
    public Optional<String> get(String section, String key) {
        String value = values.get(section.toUpperCase(Locale.ROOT) + "." + key.toUpperCase(Locale.ROOT));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
