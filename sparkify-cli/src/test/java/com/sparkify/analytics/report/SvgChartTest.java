package com.sparkify.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.analytics.report.SvgChart.Series;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartTest {
    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(SvgChart.niceStep(0)).isEqualTo(1);
        assertThat(SvgChart.niceStep(7)).isEqualTo(2);
        assertThat(SvgChart.niceStep(477)).isEqualTo(100);
        assertThat(SvgChart.niceStep(542)).isEqualTo(200);
        assertThat(SvgChart.niceStep(2_400)).isEqualTo(500);
    }

    @Test
    void stackedColumnsReachTheSumAndLabelsAreEscaped() {
        String svg = SvgChart.columns(
                "c",
                "Free & paid <per day>",
                List.of("a<b", "c"),
                List.of(new Series("free", "#f00", List.of(10L, 0L)), new Series("paid", "#00f", List.of(30L, 40L))),
                true);

        assertThat(svg)
                .startsWith("<svg class=\"chart\" id=\"c\" width=\"720\" height=\"300\"")
                .contains("<title>Free &amp; paid &lt;per day&gt;</title>", ">a&lt;b<", "a&lt;b (paid): 30")
                .doesNotContain("a<b");
        Matcher heights = Pattern.compile(
                        "class=\"mark\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"([0-9.]+)\"")
                .matcher(svg);
        double first = 0;
        double total = 0;
        int marks = 0;
        while (heights.find()) {
            double height = Double.parseDouble(heights.group(1));
            first += marks < 2 ? height : 0;
            total += height;
            marks++;
        }
        assertThat(marks).isEqualTo(4);
        // 40 of a 40 high axis: the full plot height of 230, for the first label and the second alike.
        assertThat(first).isEqualTo(230.0);
        assertThat(total).isEqualTo(460.0);
    }

    @Test
    void axisLabelsNeverOverlap() {
        List<String> months = new java.util.ArrayList<>();
        for (int i = 0; i < 124; i++) {
            months.add(String.format("%04d-%02d", 2018 + (i + 10) / 12, (i + 10) % 12 + 1));
        }
        String svg = SvgChart.columns(
                "m",
                "Plays per month",
                months,
                List.of(new Series("plays", "#00f", months.stream().map(m -> 1L).toList())),
                false);

        Matcher labels = Pattern.compile(
                        "<text x=\"([0-9.]+)\" y=\"[0-9]+\" text-anchor=\"middle\">(\\d{4}-\\d\\d)</text>")
                .matcher(svg);
        List<Double> centres = new java.util.ArrayList<>();
        while (labels.find()) {
            centres.add(Double.parseDouble(labels.group(1)));
        }
        assertThat(centres).hasSizeBetween(5, 16);
        assertThat(centres.get(0)).isCloseTo(56 + 648.0 / 124 / 2, org.assertj.core.data.Offset.offset(0.06));
        // Seven characters of at most 6.5 px each, centred: the next label starts after this one ends.
        for (int i = 1; i < centres.size(); i++) {
            assertThat(centres.get(i) - centres.get(i - 1)).isGreaterThan(7 * 6.5);
        }
        assertThat(SvgChart.labelEvery(List.of("0", "1", "23"), 648)).isEqualTo(1);
    }

    @Test
    void barsAreAsLongAsTheirShareOfTheLongest() {
        String svg = SvgChart.bars("b", "Top", List.of("x", "y"), new Series("", "#0f0", List.of(40L, 10L)));

        assertThat(svg).contains("height=\"64\"").contains("width=\"360.0\"").contains("width=\"90.0\"");
    }
}
