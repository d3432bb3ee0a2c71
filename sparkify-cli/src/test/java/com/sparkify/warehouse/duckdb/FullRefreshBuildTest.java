package com.sparkify.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.SqlScripts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A full refresh's new file gets every table of the schema: rebuilt from the inputs, or copied from the
 * warehouse as run history. A table added to the schema must be one or the other, or a full refresh would lose
 * its rows.
 */
class FullRefreshBuildTest {
    /** What a run rebuilds from the input files alone. */
    private static final Set<String> FROM_THE_INPUTS = Set.of(
            "staging_events",
            "staging_songs",
            "songplays",
            "users",
            "songs",
            "artists",
            "\"time\"",
            "user_levels",
            "etl_files");

    @Test
    void everyTableOfTheSchemaIsRebuiltFromTheInputsOrCopiedAsHistory() {
        SqlScripts scripts = new SqlScripts("duckdb");
        List<String> copied = names(
                scripts.text("rebuild_history"),
                "INSERT INTO " + FullRefreshBuild.DATABASE + "\\.(\\S+) BY NAME SELECT \\* FROM (\\S+);");
        List<String> tables = names(scripts.text("schema"), "CREATE TABLE IF NOT EXISTS (\\S+) \\(");

        assertThat(tables).containsAll(FROM_THE_INPUTS);
        List<String> history = new ArrayList<>(tables);
        history.removeAll(FROM_THE_INPUTS);
        assertThat(copied).as("copied as run history").containsExactlyInAnyOrderElementsOf(history);
    }

    /** The first group of each match of {@code regex}; a second group, when there is one, must equal it. */
    private static List<String> names(String text, String regex) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            if (matcher.groupCount() > 1) {
                assertThat(matcher.group(2)).isEqualTo(matcher.group(1));
            }
            names.add(matcher.group(1));
        }
        return names;
    }
}
