package com.sparkify.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A duration as people write it on a command line: {@code 30s}, {@code 10m}, {@code 1h}, {@code 1h30m}. */
final class WaitDuration implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+[hms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(text).matches()) {
            throw new CommandLine.TypeConversionException(
                    "Expected a duration such as 30s, 10m, 1h or 1h30m, found '" + value + "'");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (part.group(2)) {
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofSeconds(amount);
                    });
        }
        return total;
    }

    /** {@code 90s} as {@code 1m30s}; whole seconds. */
    static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0 || text.length() == 0) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }
}
