package com.sparkify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRowsTest {
    @Test
    void showsTheFirstRowsThenHowManyMoreThereAreThenTheNotes() {
        List<String> lines = table(5, 3);

        assertThat(lines)
                .containsExactly(
                        "-- plays",
                        "n  name",
                        "0  row 0",
                        "1  row 1",
                        "2  row 2",
                        "",
                        "2 more rows not shown: the table shows the first 3; --format csv or json gives every row.",
                        "Catalog: a note");
    }

    @Test
    void saysOneMoreRowInTheSingular() {
        assertThat(table(4, 3))
                .contains("1 more row not shown: the table shows the first 3; --format csv or json"
                        + " gives every row.");
    }

    @Test
    void anAnswerThatFitsSaysNothingMore() {
        assertThat(table(3, 3)).hasSize(7).noneMatch(line -> line.contains("not shown"));
    }

    @Test
    void countsWithThousandsSeparators() {
        assertThat(table(1_234_567 + 1_000, 1_000))
                .contains("1,234,567 more rows not shown: the table shows the first 1,000; --format csv or json gives"
                        + " every row.");
    }

    private static List<String> table(int rows, int shown) {
        StringWriter text = new StringWriter();
        TableRows table = new TableRows(new PrintWriter(text), shown);
        table.start("plays", List.of("n", "name"));
        for (long i = 0; i < rows; i++) {
            table.row(List.of(i, "row " + i));
        }
        table.end(List.of("Catalog: a note"));
        return text.toString().lines().toList();
    }
}
