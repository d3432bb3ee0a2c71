package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.generate.DatasetGenerator;
import com.sparkify.generate.GeneratedDataset;
import com.sparkify.generate.GeneratorSpec;
import com.sparkify.testing.Chromium;
import com.sparkify.testing.RawAnswers;
import com.sparkify.testing.RawExpectations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sparkify report, opened in headless Chromium: the charts render, at their size, with the right totals. */
class ReportCommandIT {
    private static final String SONG = "</svg><script>alert(1)</script>";
    private static final String ARTIST = "Tom & \"Jerry\" <b>";

    /** Measures each chart in the browser; the report itself runs no script, so it is added to a copy. */
    private static final String MEASURE =
            """
            <script>
            const lines = [];
            for (const svg of document.querySelectorAll('svg.chart')) {
              const box = svg.getBoundingClientRect();
              const marks = [...svg.querySelectorAll('rect.mark')];
              const drawn = marks.filter(m => { const b = m.getBBox(); return b.width > 0 && b.height > 0; });
              const plot = svg.querySelector('g.marks').getBBox();
              const sum = marks.map(m => Number(m.querySelector('title').textContent.match(/([0-9,]+)$/)[1]
                  .replaceAll(',', ''))).reduce((a, b) => a + b, 0);
              lines.push(['chart', svg.id, Math.round(box.width), Math.round(box.height), drawn.length,
                  Math.round(plot.width), Math.round(plot.height), sum].join(' '));
            }
            lines.push('scripts ' + document.scripts.length);
            lines.push('images ' + document.images.length);
            lines.push('resources ' + performance.getEntriesByType('resource').length);
            lines.push('hostile ' + document.getElementById('top-songs').textContent.includes('%s'));
            const pre = document.createElement('pre');
            pre.id = 'measured';
            pre.textContent = lines.join('\\n');
            document.body.appendChild(pre);
            </script>
            """
                    .formatted(SONG.replace("/", "\\/"));

    @TempDir
    static Path dir;

    private static String warehouse;
    private static RawAnswers answers;

    @BeforeAll
    static void load() throws Exception {
        GeneratedDataset dataset = new DatasetGenerator()
                .generate(new GeneratorSpec(dir.resolve("data"), 20, 7, 3, GeneratorSpec.DEFAULT_FIRST_DAY));
        Files.writeString(dataset.logData().resolve("hostile-events.json"), hostilePlays(80));
        warehouse = "--warehouse=jdbc:duckdb:" + dir.resolve("w.duckdb");
        CommandRun etl =
                CommandRun.of("etl", warehouse, "--songs=" + dataset.songData(), "--logs=" + dataset.logData());
        assertThat(etl.exitCode()).as(etl.err()).isZero();
        answers = new RawAnswers(RawExpectations.read(dataset.songData(), dataset.logData()));
    }

    /** Plays of a song whose title and artist are markup, which the report must show as text. */
    private static String hostilePlays(int count) {
        long ts = LocalDateTime.of(2018, 11, 2, 12, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < count; i++) {
            events.append("{\"artist\":\"Tom & \\\"Jerry\\\" <b>\",\"auth\":\"Logged In\",\"firstName\":\"Eve\",")
                    .append("\"gender\":\"F\",\"itemInSession\":")
                    .append(i)
                    .append(",\"lastName\":\"<i>Hacker</i>\",\"length\":200.0,\"level\":\"paid\",")
                    .append("\"location\":\"Nowhere, NV\",\"method\":\"PUT\",\"page\":\"NextSong\",")
                    .append("\"registration\":1540000000000,\"sessionId\":999999,\"song\":\"")
                    .append(SONG.replace("/", "\\/"))
                    .append("\",\"status\":200,\"ts\":")
                    .append(ts + i * 200_000L)
                    .append(",\"userAgent\":\"Mozilla/5.0\",\"userId\":\"999\"}\n");
        }
        return events.toString();
    }

    @Test
    void theReportRendersItsChartsInABrowserWithoutNetworkOrScripts() throws Exception {
        Chromium chromium = Chromium.require();
        Path report = dir.resolve("report.html");

        CommandRun run = CommandRun.of("report", warehouse, "--out=" + report);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote " + report);
        String html = Files.readString(report);
        assertThat(html).doesNotContain("<script", "<link", "<img", "http://", "https://", "src=");
        assertThat(html).contains("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        Path measured = dir.resolve("measured.html");
        Files.writeString(measured, html.replace("</body>", MEASURE + "</body>"));

        Map<String, String[]> charts = new HashMap<>();
        String dom = chromium.dumpDom(measured, Files.createDirectories(dir.resolve("profile")));
        Matcher pre = Pattern.compile("<pre id=\"measured\">([^<]*)</pre>").matcher(dom);
        assertThat(pre.find())
                .as("the measuring script ran: %s", dom.length() > 400 ? dom.substring(0, 400) : dom)
                .isTrue();
        String measurements = pre.group(1);
        for (String line : measurements.split("\n")) {
            String[] fields = line.split(" ");
            if (fields[0].equals("chart")) {
                charts.put(fields[1], fields);
            }
        }

        long plays = answers.plays(null, null).size();
        long changes = answers.levelChanges(null, null).stream()
                .mapToLong(row -> (Long) row.get(1) + (Long) row.get(2))
                .sum();
        assertChart(charts, "plays-per-day", 300, plays);
        assertChart(charts, "plays-by-hour", 300, plays);
        assertChart(charts, "free-vs-paid", 300, plays);
        assertChart(charts, "level-changes", 300, changes);
        assertChart(charts, "top-songs", 16 + 24 * 10, sumOfPlays(answers, true));
        assertChart(charts, "top-artists", 16 + 24 * 10, sumOfPlays(answers, false));
        assertThat(charts).hasSize(6);
        assertThat(measurements).contains("scripts 1", "images 0", "resources 0", "hostile true");
    }

    private static long sumOfPlays(RawAnswers answers, boolean songs) {
        var rows = songs ? answers.topSongs(null, null) : answers.topArtists(null, null);
        return rows.subList(0, 10).stream()
                .mapToLong(row -> (Long) row.get(songs ? 2 : 1))
                .sum();
    }

    private static void assertChart(Map<String, String[]> charts, String id, int height, long total) {
        assertThat(charts).containsKey(id);
        String[] chart = charts.get(id);
        assertThat(Integer.parseInt(chart[2])).as(id + " width").isEqualTo(720);
        assertThat(Integer.parseInt(chart[3])).as(id + " height").isEqualTo(height);
        assertThat(Integer.parseInt(chart[4])).as(id + " drawn marks").isPositive();
        assertThat(Integer.parseInt(chart[5])).as(id + " plot width").isGreaterThan(100);
        assertThat(Integer.parseInt(chart[6])).as(id + " plot height").isGreaterThan(50);
        assertThat(Long.parseLong(chart[7])).as(id + " sum of values").isEqualTo(total);
    }

    /**
     * A copy of the warehouse loses a time row behind sparkify's back: the report still shows the checks the
     * run recorded (it runs none), and says how to verify every row now, which finds the broken row.
     */
    @Test
    void theReportShowsTheRecordedChecksAndRunsNone() throws Exception {
        Path copy = dir.resolve("tampered.duckdb");
        Files.copy(dir.resolve("w.duckdb"), copy);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + copy);
                Statement sql = connection.createStatement()) {
            sql.execute("DELETE FROM \"time\" WHERE start_time = (SELECT MIN(start_time) FROM songplays)");
        }
        Path report = dir.resolve("tampered.html");

        CommandRun run = CommandRun.of("report", "--warehouse=jdbc:duckdb:" + copy, "--out=" + report);
        CommandRun check = CommandRun.of("check", "--warehouse=jdbc:duckdb:" + copy);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(report);
        assertThat(html)
                .contains("Checks of run 1 (succeeded, ")
                .contains("13 of 13 checks passed, on every row; as the run recorded them.")
                .contains("To verify every row now, run: sparkify check.")
                .doesNotContain("FAIL");
        assertThat(check.exitCode()).isEqualTo(7);
        assertThat(check.out()).containsPattern("songplays_time +FAIL");
    }

    @Test
    void errorsAreOneLineWithDocumentedExitCodes() {
        CommandRun empty = CommandRun.of(
                "report", "--warehouse=jdbc:duckdb:" + dir.resolve("empty.duckdb"), "--out=" + dir.resolve("e.html"));
        CommandRun badDate = CommandRun.of("report", warehouse, "--out=" + dir.resolve("x.html"), "--to=30-11-2018");
        CommandRun noFolder = CommandRun.of("report", warehouse, "--out=" + dir.resolve("no/such/r.html"));
        CommandRun noPlays = CommandRun.of("report", warehouse, "--out=" + dir.resolve("y.html"), "--from=2030-01-01");

        assertError(empty, 10, "No DuckDB file " + dir.resolve("empty.duckdb"));
        assertThat(dir.resolve("empty.duckdb")).doesNotExist();
        assertError(badDate, 2, "Expected --to as a date YYYY-MM-DD (UTC), found '30-11-2018'");
        assertError(noFolder, 2, "Expected an existing folder for --out");
        assertError(noPlays, 10, "No songplays from 2030-01-01 to the end");
        assertThat(dir.resolve("e.html")).doesNotExist();
        assertThat(dir.resolve("y.html")).doesNotExist();
    }

    private static void assertError(CommandRun run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err()).hasLineCount(1).startsWith("error: ").contains(message);
    }
}
