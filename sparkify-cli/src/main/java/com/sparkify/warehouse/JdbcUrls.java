package com.sparkify.warehouse;

import java.util.regex.Pattern;

/** Makes JDBC URLs safe to print. */
public final class JdbcUrls {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|pwd|secret\\w*|token)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*):[^/@]*@");

    private JdbcUrls() {}

    /** The URL with every password replaced by {@code ****}. */
    public static String redact(String url) {
        String withoutParameters = PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(withoutParameters).replaceAll("$1:****@");
    }
}
