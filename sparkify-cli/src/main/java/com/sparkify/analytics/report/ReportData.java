package com.sparkify.analytics.report;

import com.sparkify.analytics.Analysis;
import com.sparkify.analytics.AnalyticsQueries;
import com.sparkify.analytics.Coverage;
import com.sparkify.analytics.Period;
import com.sparkify.analytics.PublishedRun;
import com.sparkify.analytics.QueryResult;
import com.sparkify.analytics.TextEncodingScan;
import com.sparkify.pipeline.TableCounts;
import com.sparkify.pipeline.TableCountsQuery;
import com.sparkify.quality.RecordedChecks;
import com.sparkify.warehouse.Warehouse;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything the report shows, read from one warehouse.
 *
 * @param period the days covered
 * @param coverage plays in the period and their catalog share
 * @param tables row counts of the star schema
 * @param playsByDay plays, free plays and paid plays per day (report_plays_per_day)
 * @param playsByHour the plays_by_hour analysis
 * @param topSongs the top 10 songs
 * @param topArtists the top 10 artists
 * @param freeVsPaid the free_vs_paid analysis
 * @param levelChanges the level_changes analysis
 * @param checks the data-quality checks the latest run that checked recorded, if any
 * @param text double-encoded text per column
 * @param lastRuns the latest etl runs
 * @param asOf the run the report is as of
 */
record ReportData(
        Period period,
        Coverage coverage,
        TableCounts tables,
        QueryResult playsByDay,
        QueryResult playsByHour,
        QueryResult topSongs,
        QueryResult topArtists,
        QueryResult freeVsPaid,
        QueryResult levelChanges,
        Optional<RecordedChecks> checks,
        List<TextEncodingScan.ColumnCount> text,
        QueryResult lastRuns,
        Optional<PublishedRun> asOf) {
    private static final int EVERY_ROW = Integer.MAX_VALUE;

    static ReportData read(Warehouse warehouse, Period period) {
        AnalyticsQueries queries = new AnalyticsQueries(warehouse);
        Coverage coverage = queries.requirePlays(period);
        return new ReportData(
                period,
                coverage,
                TableCountsQuery.run(warehouse),
                queries.query(
                        "analytics/report_plays_per_day", "plays_per_day", EVERY_ROW, period, UnaryOperator.identity()),
                table(queries, Analysis.PLAYS_BY_HOUR, period),
                queries.run(Analysis.TOP_SONGS, 10, period, coverage),
                queries.run(Analysis.TOP_ARTISTS, 10, period, coverage),
                table(queries, Analysis.FREE_VS_PAID, period),
                table(queries, Analysis.LEVEL_CHANGES, period),
                RecordedChecks.latest(warehouse),
                new TextEncodingScan(warehouse).run(),
                queries.query("analytics/last_runs", "last_runs", 10, Period.ALL, UnaryOperator.identity()),
                PublishedRun.read(warehouse));
    }

    /**
     * Every row of an analysis without its notes, which the report does not show: unlike {@link
     * AnalyticsQueries#run}, it does not count the period's plays again.
     */
    private static QueryResult table(AnalyticsQueries queries, Analysis analysis, Period period) {
        return queries.query(
                "analytics/" + analysis.queryName(), analysis.queryName(), EVERY_ROW, period, UnaryOperator.identity());
    }
}
