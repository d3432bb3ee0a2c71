package com.sparkify.analytics.report;

import com.sparkify.analytics.QueryResult;
import com.sparkify.analytics.TextEncodingScan;
import com.sparkify.quality.CheckReport;
import com.sparkify.quality.CheckResult;
import com.sparkify.quality.CheckScope;
import com.sparkify.quality.RecordedChecks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report's text parts as HTML: key figures, tables, notes. Every value is escaped. */
final class HtmlTables {
    private HtmlTables() {}

    static String figures(ReportData data) {
        String[][] figures = {
            {"plays", String.format(Locale.ROOT, "%,d", data.coverage().plays())},
            {"users", String.format(Locale.ROOT, "%,d", data.tables().users())},
            {"catalog songs", String.format(Locale.ROOT, "%,d", data.tables().songs())},
            {"catalog artists", String.format(Locale.ROOT, "%,d", data.tables().artists())},
            {
                "plays matched to the catalog",
                String.format(
                        Locale.ROOT,
                        "%,d (%.2f%%)",
                        data.coverage().catalogPlays(),
                        data.coverage().matchRate() * 100)
            }
        };
        StringBuilder html = new StringBuilder("<div class=\"figures\">");
        for (String[] figure : figures) {
            html.append("<div class=\"figure\"><b>")
                    .append(Html.escape(figure[1]))
                    .append("</b>")
                    .append(Html.escape(figure[0]))
                    .append("</div>");
        }
        return html.append("</div>\n").toString();
    }

    /**
     * The checks of the latest run that recorded some, as it recorded them: the report runs none, since over
     * every row they cost more than the rest of the report.
     */
    static String checks(Optional<RecordedChecks> recorded) {
        String verify = " To verify every row now, run: sparkify check.";
        if (recorded.isEmpty()) {
            return paragraph("", "No data-quality checks are recorded yet: every etl run records its own." + verify);
        }
        RecordedChecks checks = recorded.get();
        CheckReport report = checks.report();
        StringBuilder html = new StringBuilder(paragraph(
                "",
                String.format(
                        Locale.ROOT,
                        "Checks of run %d (%s, %s UTC): %d of %d checks passed, %s; as the run recorded them.%s",
                        checks.runId(),
                        checks.runStatus().replace('_', ' '),
                        checks.checkedAt(),
                        report.results().size() - report.failures().size(),
                        report.results().size(),
                        scope(checks),
                        verify)));
        html.append("<table><tr><th>check</th><th>result</th><th>offending rows</th><th>rows checked</th>"
                + "<th>promise</th></tr>");
        for (RecordedChecks.RecordedCheck recordedCheck : checks.checks()) {
            CheckResult check = recordedCheck.result();
            html.append("<tr><td>")
                    .append(Html.escape(check.name()))
                    .append("</td><td")
                    .append(check.passed() ? ">PASS" : " class=\"fail\">FAIL")
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%,d", check.offendingRows()))
                    .append("</td><td>")
                    .append(recordedCheck.scope().label())
                    .append("</td><td>")
                    .append(Html.escape(check.description()))
                    .append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String scope(RecordedChecks checks) {
        long changed = checks.count(CheckScope.CHANGED);
        long all = checks.count(CheckScope.ALL);
        if (changed == 0) {
            return "on every row";
        }
        if (all == 0) {
            return "on the rows the run changed";
        }
        return String.format(Locale.ROOT, "%d on the rows the run changed, %d on every row", changed, all);
    }

    static String textEncoding(List<TextEncodingScan.ColumnCount> counts) {
        StringBuilder html = new StringBuilder(paragraph(
                "",
                String.format(
                        Locale.ROOT,
                        "Informational: %,d distinct text values look double-encoded (UTF-8 read as Latin-1). Answers show "
                                + "them repaired; the warehouse keeps them as loaded.",
                        TextEncodingScan.total(counts))));
        html.append("<table><tr><th>column</th><th>values</th><th>double-encoded values</th><th>rows</th>"
                + "<th>example</th></tr>");
        for (TextEncodingScan.ColumnCount count : counts) {
            html.append("<tr><td>")
                    .append(Html.escape(count.column()))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%,d", count.values()))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%,d", count.doubleEncodedValues()))
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%,d", count.doubleEncodedRows()))
                    .append("</td><td>")
                    .append(
                            count.example() == null
                                    ? ""
                                    : Html.escape(count.example() + " → " + count.repairedExample()))
                    .append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    static String table(QueryResult result) {
        StringBuilder html = new StringBuilder("<div class=\"wide\"><table><tr>");
        result.columns()
                .forEach(column ->
                        html.append("<th>").append(Html.escape(column)).append("</th>"));
        html.append("</tr>");
        for (List<Object> row : result.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                html.append(value instanceof Number ? "<td class=\"n\">" : "<td>")
                        .append(Html.escape(cell(result.columns().get(i), value)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table></div>").toString();
    }

    /**
     * A value as the rest of the report shows it: counts with thousands separators (3,426,921), decimals with
     * theirs and their scale (1,234.50); identifiers such as {@code run_id} as they are.
     */
    static String cell(String column, Object value) {
        if (column.equals("id") || column.endsWith("_id")) {
            return value == null ? "" : value.toString();
        }
        if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof BigInteger) {
            return String.format(Locale.ROOT, "%,d", value);
        }
        if (value instanceof BigDecimal decimal) {
            return String.format(Locale.ROOT, "%,." + Math.max(0, decimal.scale()) + "f", decimal);
        }
        return value == null ? "" : value.toString();
    }

    static String notes(QueryResult result) {
        StringBuilder html = new StringBuilder();
        result.notes().forEach(note -> html.append(paragraph("meta", note)));
        return html.toString();
    }

    static String paragraph(String cssClass, String text) {
        return "<p" + (cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"") + ">" + Html.escape(text) + "</p>";
    }
}
