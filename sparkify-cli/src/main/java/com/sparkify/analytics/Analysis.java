package com.sparkify.analytics;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.warehouse.SqlScripts;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The built-in analyses of {@code sparkify query NAME}. Each one's SQL is {@code analytics/NAME.sql}, and
 * the comment at its top is its description.
 */
public enum Analysis {
    TOP_SONGS(Kind.RANKING, true),
    TOP_ARTISTS(Kind.RANKING, true),
    PLAYS_BY_DAY(Kind.DISTRIBUTION, false),
    PLAYS_BY_HOUR(Kind.DISTRIBUTION, false),
    PLAYS_BY_WEEKDAY(Kind.DISTRIBUTION, false),
    FREE_VS_PAID(Kind.DISTRIBUTION, false),
    MOST_ACTIVE_USERS(Kind.RANKING, false),
    BUSIEST_LOCATIONS(Kind.RANKING, false),
    USER_AGENTS(Kind.DISTRIBUTION, false),
    SESSION_LENGTHS(Kind.DISTRIBUTION, false),
    LEVEL_CHANGES(Kind.DISTRIBUTION, false),
    MATCH_RATE(Kind.DISTRIBUTION, true);

    /** A ranking shows its top 10 unless told otherwise; a distribution shows every row. */
    enum Kind {
        RANKING,
        DISTRIBUTION
    }

    private final Kind kind;
    private final boolean aboutCatalog;

    Analysis(Kind kind, boolean aboutCatalog) {
        this.kind = kind;
        this.aboutCatalog = aboutCatalog;
    }

    /** The name on the command line, such as {@code top_songs}. */
    public String queryName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The SQL resource, relative to {@code sql/<engine>/}. */
    String script() {
        return "analytics/" + queryName();
    }

    /** Rows shown without {@code --limit}. */
    public int defaultLimit() {
        return kind == Kind.RANKING ? 10 : Integer.MAX_VALUE;
    }

    /** Whether the answer is about songs, so that it says how much of it matched the song catalog. */
    public boolean aboutCatalog() {
        return aboutCatalog;
    }

    /** The comment at the top of the analysis's SQL, as one paragraph. */
    public String description(SqlScripts scripts) {
        StringBuilder description = new StringBuilder();
        for (String line : scripts.text(script()).split("\n")) {
            if (!line.startsWith("--")) {
                break;
            }
            description
                    .append(description.length() == 0 ? "" : " ")
                    .append(line.substring(2).strip());
        }
        return description.toString();
    }

    public static Analysis byName(String name) {
        return Arrays.stream(values())
                .filter(analysis -> analysis.queryName().equals(name))
                .findFirst()
                .orElseThrow(() -> new SparkifyException(
                        ErrorCode.USAGE,
                        "Unknown query '" + name + "'; expected one of "
                                + Arrays.stream(values())
                                        .map(Analysis::queryName)
                                        .collect(Collectors.joining(", "))
                                + " (see sparkify query --list), or --sql"));
    }
}
