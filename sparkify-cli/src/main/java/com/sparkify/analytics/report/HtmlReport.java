package com.sparkify.analytics.report;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.analytics.Period;
import com.sparkify.analytics.PublishedRun;
import com.sparkify.analytics.QueryResult;
import com.sparkify.analytics.report.SvgChart.Series;
import com.sparkify.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sparkify report}: one self-contained HTML file with figures, charts (inline SVG), the data-quality
 * checks and the latest runs. It loads nothing from anywhere and runs no script, so it opens offline in
 * any browser. Every text from the warehouse is escaped.
 */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:760px;"
            + "color:#222}h1{margin-bottom:0}.meta{color:#666}.figures{display:flex;flex-wrap:wrap;gap:12px}"
            + ".figure{border:1px solid #ddd;border-radius:6px;padding:8px 14px}.figure b{display:block;"
            + "font-size:1.4em}table{border-collapse:collapse;margin:8px 0}td,th{border-bottom:1px solid #eee;"
            + "padding:3px 8px;text-align:left}td.n{text-align:right}.fail{color:#b00;font-weight:bold}"
            + "figure{margin:16px 0}figcaption{font-weight:bold;margin-bottom:4px}.wide{overflow-x:auto}";
    private static final String BLUE = "#1f77b4";
    private static final String ORANGE = "#ff7f0e";
    private static final String GREEN = "#2ca02c";
    private static final String RED = "#d62728";

    private final Warehouse warehouse;

    public HtmlReport(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * Writes the report of {@code period} to {@code out}.
     *
     * @throws SparkifyException with {@link ErrorCode#EMPTY} when the period holds no songplays
     */
    public void write(Path out, Period period) {
        String html = render(ReportData.read(warehouse, period));
        try {
            Files.writeString(out, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SparkifyException(ErrorCode.INPUT, "Cannot write the report to " + out + ": " + e, e);
        }
    }

    static String render(ReportData data) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Sparkify report</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n<h1>Sparkify report</h1>")
                .append(HtmlTables.paragraph(
                        "meta",
                        "Plays from " + data.coverage().firstPlay() + " to "
                                + data.coverage().lastPlay() + " (UTC)"
                                + (data.period().bounded()
                                        ? ", period " + data.period().describe()
                                        : "") + ". Answers " + PublishedRun.describe(data.asOf()) + ". Generated "
                                + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + "."))
                .append(HtmlTables.figures(data));
        TimeBuckets buckets = buckets(data);
        List<String> labels = buckets.labels();
        String per = buckets.unit().word();
        html.append(section(
                "Plays per " + per,
                SvgChart.columns(
                        "plays-per-day",
                        "Plays per " + per + " (UTC" + weekNote(buckets) + ")",
                        labels,
                        List.of(new Series("plays", BLUE, sums(buckets, data.playsByDay(), "plays"))),
                        false)));
        html.append(section(
                "Plays by hour of day (UTC)",
                SvgChart.columns(
                        "plays-by-hour",
                        "Plays by hour of day (UTC)",
                        text(data.playsByHour().column("hour")),
                        List.of(new Series(
                                "plays", BLUE, longs(data.playsByHour().column("plays")))),
                        false)));
        html.append(section(
                        "Top 10 songs",
                        SvgChart.bars(
                                "top-songs",
                                "Top 10 songs by plays",
                                songLabels(data.topSongs()),
                                new Series("", GREEN, longs(data.topSongs().column("plays")))))
                + HtmlTables.notes(data.topSongs()));
        html.append(section(
                        "Top 10 artists",
                        SvgChart.bars(
                                "top-artists",
                                "Top 10 artists by plays",
                                text(data.topArtists().column("artist")),
                                new Series("", GREEN, longs(data.topArtists().column("plays")))))
                + HtmlTables.notes(data.topArtists()));
        html.append(section(
                        "Free vs paid plays per " + per,
                        SvgChart.columns(
                                "free-vs-paid",
                                "Free and paid plays per " + per + " (UTC" + weekNote(buckets) + ")",
                                labels,
                                List.of(
                                        new Series("free", ORANGE, sums(buckets, data.playsByDay(), "free_plays")),
                                        new Series("paid", BLUE, sums(buckets, data.playsByDay(), "paid_plays"))),
                                true))
                + HtmlTables.table(data.freeVsPaid()));
        html.append(section(
                "Level changes per " + per,
                SvgChart.columns(
                        "level-changes",
                        "Upgrades and downgrades per " + per + " (UTC" + weekNote(buckets) + ")",
                        labels,
                        List.of(
                                new Series("upgrades", GREEN, sums(buckets, data.levelChanges(), "upgrades")),
                                new Series("downgrades", RED, sums(buckets, data.levelChanges(), "downgrades"))),
                        false)));
        html.append(section("Data quality", HtmlTables.checks(data.checks()) + HtmlTables.textEncoding(data.text())));
        html.append(section("Latest runs", HtmlTables.table(data.lastRuns())));
        return html.append("</body></html>\n").toString();
    }

    /** From the day of the first play to the day of the last one, in days, weeks or months. */
    static TimeBuckets buckets(ReportData data) {
        return TimeBuckets.between(
                LocalDate.parse(data.coverage().firstPlay().substring(0, 10)),
                LocalDate.parse(data.coverage().lastPlay().substring(0, 10)));
    }

    private static String weekNote(TimeBuckets buckets) {
        return buckets.unit() == TimeBuckets.Unit.WEEK ? "; weeks from Monday" : "";
    }

    /** The column's sum per bucket, from an answer with a {@code day} column ({@code YYYY-MM-DD}). */
    private static List<Long> sums(TimeBuckets buckets, QueryResult byDay, String label) {
        Map<LocalDate, Long> values = new HashMap<>();
        List<Object> days = byDay.column("day");
        List<Object> column = byDay.column(label);
        for (int i = 0; i < days.size(); i++) {
            values.merge(LocalDate.parse((String) days.get(i)), ((Number) column.get(i)).longValue(), Long::sum);
        }
        return buckets.sums(values);
    }

    private static List<String> songLabels(QueryResult songs) {
        List<String> labels = new ArrayList<>();
        for (List<Object> row : songs.rows()) {
            labels.add(row.get(0) + " — " + row.get(1));
        }
        return labels;
    }

    private static List<Long> longs(List<Object> values) {
        return values.stream()
                .map(value -> value == null ? 0L : ((Number) value).longValue())
                .toList();
    }

    private static List<String> text(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }

    private static String section(String title, String body) {
        return "<section><figure><figcaption>" + Html.escape(title) + "</figcaption>" + body + "</figure></section>\n";
    }
}
