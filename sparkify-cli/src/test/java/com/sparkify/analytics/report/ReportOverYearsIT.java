package com.sparkify.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.analytics.Period;
import com.sparkify.pipeline.Schema;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report over plays that span years, written into a DuckDB file row by row: its time charts add the
 * days up to months, weeks or days by the period's length, label them with the year, and its tables show
 * counts as the rest of the report does.
 */
class ReportOverYearsIT {
    private static final LocalDate FIRST = LocalDate.of(2016, 3, 15);
    private static final LocalDate LAST = LocalDate.of(2019, 8, 20);
    private static final Pattern MARK =
            Pattern.compile("<rect class=\"mark\"[^>]*><title>([^<]*) \\(([a-z]+)\\): ([0-9,]+)</title>");
    private static final Pattern AXIS_LABEL =
            Pattern.compile("<text x=\"[0-9.]+\" y=\"[0-9]+\" text-anchor=\"middle\">([^<]*)</text>");

    @TempDir
    static Path dir;

    private static Warehouse warehouse;
    /** Each play's time and level, as inserted. */
    private static final List<LocalDateTime> PLAYS = new ArrayList<>();

    private static final List<String> LEVELS = new ArrayList<>();
    /** Upgrades (free to paid) by the time of the change. */
    private static final List<LocalDateTime> UPGRADES = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        warehouse = TestWarehouses.open("jdbc:duckdb:" + dir.resolve("w.duckdb"));
        Schema.ensure(warehouse);
        Random random = new Random(23);
        Connection connection = TestWarehouses.jdbc(warehouse);
        // One multi-row INSERT: DuckDB runs a JDBC batch row by row.
        StringBuilder values = new StringBuilder();
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            // Some days without plays; the first and last day always with some, so that they bound the period.
            int plays = day.equals(FIRST) || day.equals(LAST) ? 3 : random.nextInt(4) == 0 ? 0 : random.nextInt(9);
            for (int i = 0; i < plays; i++) {
                LocalDateTime time = day.atStartOfDay().plusSeconds(random.nextInt(86_400));
                String level = random.nextInt(3) == 0 ? "paid" : "free";
                int n = PLAYS.size();
                values.append(values.length() == 0 ? "" : ",\n")
                        .append(String.format(
                                "('play-%d', TIMESTAMP '%s', %d, '%s', %d, 0, 'Song', 'Artist')",
                                n, Timestamp.valueOf(time), 1 + n % 50, level, n));
                PLAYS.add(time);
                LEVELS.add(level);
            }
        }
        try (Statement insert = connection.createStatement()) {
            insert.execute(
                    "INSERT INTO songplays (songplay_id, start_time, user_id, level, session_id, item_in_session,"
                            + " song_title, artist_name) VALUES " + values);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO user_levels (user_id, level, valid_from, valid_to, is_current) VALUES (?, ?, ?, ?, ?)")) {
            for (int user = 1; user <= 40; user++) {
                LocalDateTime free = FIRST.atStartOfDay().plusHours(user);
                LocalDateTime paid = free.plusDays(random.nextInt(1200)).plusMinutes(random.nextInt(1440));
                level(insert, user, "free", free, paid, false);
                level(insert, user, "paid", paid, null, true);
                UPGRADES.add(paid);
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    private static void level(
            PreparedStatement insert, int user, String level, LocalDateTime from, LocalDateTime to, boolean current)
            throws Exception {
        insert.setLong(1, user);
        insert.setString(2, level);
        insert.setTimestamp(3, Timestamp.valueOf(from));
        insert.setTimestamp(4, to == null ? null : Timestamp.valueOf(to));
        insert.setBoolean(5, current);
        insert.addBatch();
    }

    @AfterAll
    static void close() {
        warehouse.close();
    }

    @Test
    void overYearsTheChartsShowMonthsLabelledWithTheYear() {
        String html = HtmlReport.render(ReportData.read(warehouse, Period.ALL));

        Function<LocalDate, String> month = day -> String.format("%04d-%02d", day.getYear(), day.getMonthValue());
        // March 2016 to August 2019: 42 months, each column the sum of the plays of its days.
        assertColumns(html, "plays-per-day", "plays", plays(month, null), 42);
        assertColumns(html, "free-vs-paid", "free", plays(month, "free"), 42);
        assertColumns(html, "free-vs-paid", "paid", plays(month, "paid"), 42);
        assertColumns(html, "level-changes", "upgrades", upgrades(month), 42);
        assertThat(html).contains("Plays per month (UTC)", "Free and paid plays per month (UTC)");
        assertThat(axisLabels(html, "plays-per-day"))
                .allMatch(label -> label.matches("20(16|17|18|19)-\\d\\d"))
                .hasSizeBetween(5, 16)
                .startsWith("2016-03");
    }

    @Test
    void aYearShowsWeeksFromMondayAndAMonthShowsDays() {
        Period year = Period.parse("2017-01-01", "2017-12-31");
        String weekly = HtmlReport.render(ReportData.read(warehouse, year));
        Function<LocalDate, String> monday =
                day -> day.minusDays(day.getDayOfWeek().getValue() - 1).toString();
        TreeMap<String, Long> weeks = plays(year, monday, null);
        long weekColumns = (LocalDate.parse(weeks.lastKey()).toEpochDay()
                                - LocalDate.parse(weeks.firstKey()).toEpochDay())
                        / 7
                + 1;
        assertThat(weekColumns).isBetween(52L, 53L);
        assertColumns(weekly, "plays-per-day", "plays", weeks, (int) weekColumns);
        assertThat(weekly).contains("Plays per week (UTC; weeks from Monday)");
        assertThat(axisLabels(weekly, "plays-per-day")).allMatch(label -> label.matches("201[67]-\\d\\d-\\d\\d"));

        Period february = Period.parse("2018-02-01", "2018-02-28");
        String daily = HtmlReport.render(ReportData.read(warehouse, february));
        TreeMap<String, Long> days = plays(february, LocalDate::toString, null);
        long dayColumns = LocalDate.parse(days.lastKey()).toEpochDay()
                - LocalDate.parse(days.firstKey()).toEpochDay()
                + 1;
        assertThat(dayColumns).isBetween(20L, 28L);
        assertColumns(daily, "plays-per-day", "plays", days, (int) dayColumns);
        assertThat(daily).contains("Plays per day (UTC)");
        assertThat(axisLabels(daily, "plays-per-day")).allMatch(label -> label.matches("2018-02-\\d\\d"));
    }

    @Test
    void aWarehouseNoRunCheckedSaysSoAndHowToCheckIt() {
        String html = HtmlReport.render(ReportData.read(warehouse, Period.ALL));

        assertThat(html)
                .contains("No data-quality checks are recorded yet: every etl run records its own. To verify every row"
                        + " now, run: sparkify check.")
                .doesNotContain("checks passed", "PASS", "FAIL");
    }

    @Test
    void countsInTablesHaveThousandsSeparators() {
        long free = LEVELS.stream().filter("free"::equals).count();
        assertThat(free).isGreaterThan(1_000);
        String grouped = String.format("%d,%03d", free / 1000, free % 1000);

        String html = HtmlReport.render(ReportData.read(warehouse, Period.ALL));

        assertThat(html).contains("<td>free</td><td class=\"n\">" + grouped + "</td>");
        assertThat(html).doesNotContain(">" + free + "<");
    }

    /** Plays by column, of every level or of one, over the whole span. */
    private static TreeMap<String, Long> plays(Function<LocalDate, String> column, String level) {
        return plays(Period.ALL, column, level);
    }

    private static TreeMap<String, Long> plays(Period period, Function<LocalDate, String> column, String level) {
        TreeMap<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < PLAYS.size(); i++) {
            LocalDateTime time = PLAYS.get(i);
            boolean inPeriod = !time.isBefore(period.start()) && time.isBefore(period.end());
            if (inPeriod && (level == null || level.equals(LEVELS.get(i)))) {
                counts.merge(column.apply(time.toLocalDate()), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> upgrades(Function<LocalDate, String> column) {
        Map<String, Long> counts = new TreeMap<>();
        for (LocalDateTime upgrade : UPGRADES) {
            counts.merge(column.apply(upgrade.toLocalDate()), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * The chart's marks of one series, by label, match the oracle (columns without plays hold 0); there are
     * {@code columns} of them.
     */
    private static void assertColumns(String html, String chart, String series, Map<String, Long> oracle, int columns) {
        Map<String, Long> shown = new TreeMap<>();
        int marks = 0;
        Matcher mark = MARK.matcher(svg(html, chart));
        while (mark.find()) {
            if (mark.group(2).equals(series)) {
                marks++;
                long value = Long.parseLong(mark.group(3).replace(",", ""));
                if (value != 0) {
                    shown.put(mark.group(1), value);
                }
            }
        }
        assertThat(marks).as(chart + " " + series + " columns").isEqualTo(columns);
        assertThat(shown).as(chart + " " + series).isEqualTo(oracle);
    }

    private static List<String> axisLabels(String html, String chart) {
        List<String> labels = new ArrayList<>();
        Matcher label = AXIS_LABEL.matcher(svg(html, chart));
        while (label.find()) {
            labels.add(label.group(1));
        }
        return labels;
    }

    private static String svg(String html, String id) {
        int start = html.indexOf("<svg class=\"chart\" id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return html.substring(start, html.indexOf("</svg>", start));
    }
}
