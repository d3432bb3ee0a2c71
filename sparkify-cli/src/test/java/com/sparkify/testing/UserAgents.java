package com.sparkify.testing;

import java.util.regex.Pattern;

/** The browser and OS rules of user_agents.sql, written again with regular expressions for tests. */
final class UserAgents {
    private UserAgents() {}

    static String browser(String agent) {
        if (agent == null || agent.isEmpty()) {
            return "unknown";
        }
        String[][] rules = {
            {"Edge/", "Edge"},
            {"OPR/|Opera", "Opera"},
            {"Chromium/", "Chromium"},
            {"Chrome/|CriOS/", "Chrome"},
            {"Firefox/", "Firefox"},
            {"Trident/|MSIE ", "Internet Explorer"},
            {"Safari/", "Safari"}
        };
        return first(agent, rules);
    }

    static String os(String agent) {
        if (agent == null || agent.isEmpty()) {
            return "unknown";
        }
        String[][] rules = {
            {"iPhone|iPad", "iOS"},
            {"Android", "Android"},
            {"Windows", "Windows"},
            {"Mac OS X", "macOS"},
            {"Linux|X11", "Linux"}
        };
        return first(agent, rules);
    }

    private static String first(String agent, String[][] rules) {
        for (String[] rule : rules) {
            if (Pattern.compile(rule[0]).matcher(agent).find()) {
                return rule[1];
            }
        }
        return "other";
    }
}
