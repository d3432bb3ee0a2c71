package com.sparkify.cluster;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import java.util.regex.Pattern;

/** The one address the cluster's port is opened to: always a single host, {@code a.b.c.d/32}, never a range. */
final class IngressCidr {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private IngressCidr() {}

    /**
     * {@code address/32}.
     *
     * @throws SparkifyException when {@code address} is not one IPv4 host address, e.g. {@code 0.0.0.0}
     */
    static String forHost(String address) {
        String trimmed = address.strip();
        if (!IPV4.matcher(trimmed).matches() || trimmed.equals("0.0.0.0") || trimmed.equals("255.255.255.255")) {
            throw new SparkifyException(
                    ErrorCode.CONFIG,
                    "Expected this machine's public IPv4 address to open the cluster's port to, found '"
                            + abbreviate(trimmed) + "'; pass --allow-from YOUR.PUBLIC.IP");
        }
        return trimmed + "/32";
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
