package com.sparkify.analytics.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG, written by hand so that the report needs no library, no script and no network:
 * vertical columns (one series, several side by side, or stacked) and horizontal bars. Every data mark
 * is a {@code rect class="mark"} with a tooltip.
 */
final class SvgChart {
    static final int WIDTH = 720;
    static final int COLUMNS_HEIGHT = 300;

    /**
     * One series of values, one per label.
     *
     * @param name shown in the legend
     * @param color fill, such as {@code #1f77b4}
     * @param values one per label
     */
    record Series(String name, String color, List<Long> values) {
        Series {
            requireNonNull(name, "name is null");
            requireNonNull(color, "color is null");
            values = List.copyOf(values);
        }
    }

    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    /** The widest a character of an 11px axis label is, digits and dashes alike. */
    private static final double LABEL_CHAR_WIDTH = 6.5;

    private SvgChart() {}

    /** Columns per label; several series stand side by side, or on each other when {@code stacked}. */
    static String columns(String id, String title, List<String> labels, List<Series> series, boolean stacked) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = COLUMNS_HEIGHT - TOP - BOTTOM;
        long max = 0;
        for (int i = 0; i < labels.size(); i++) {
            long sum = 0;
            for (Series s : series) {
                sum = stacked
                        ? sum + s.values().get(i)
                        : Math.max(sum, s.values().get(i));
            }
            max = Math.max(max, sum);
        }
        long step = niceStep(max);
        long top = Math.max(step, step * ((max + step - 1) / step));
        StringBuilder svg = open(id, title, COLUMNS_HEIGHT);
        svg.append("<g class=\"axes\" font-size=\"11\" fill=\"#555\">");
        for (long tick = 0; tick <= top; tick += step) {
            double y = TOP + plotHeight - (double) tick / top * plotHeight;
            svg.append(format(
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, WIDTH - RIGHT, y, y));
            svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%,d</text>", LEFT - 6, y + 4, tick));
        }
        double band = (double) plotWidth / Math.max(1, labels.size());
        int every = labelEvery(labels, plotWidth);
        for (int i = 0; i < labels.size(); i += every) {
            svg.append(format(
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    LEFT + band * (i + 0.5), TOP + plotHeight + 16, Html.escape(labels.get(i))));
        }
        svg.append("</g>").append(legend(series)).append("<g class=\"marks\">");
        double width = band * 0.8 / (stacked ? 1 : series.size());
        for (int i = 0; i < labels.size(); i++) {
            double base = TOP + plotHeight;
            for (int s = 0; s < series.size(); s++) {
                long value = series.get(s).values().get(i);
                double height = (double) value / top * plotHeight;
                double x = LEFT + band * i + band * 0.1 + (stacked ? 0 : s * width);
                double y = stacked ? base - height : TOP + plotHeight - height;
                svg.append(mark(x, y, width, height, series.get(s), labels.get(i), value));
                if (stacked) {
                    base -= height;
                }
            }
        }
        return svg.append("</g></svg>").toString();
    }

    /** One horizontal bar per label, longest first as given, with the value at its end. */
    static String bars(String id, String title, List<String> labels, Series series) {
        int left = 300;
        int rowHeight = 24;
        int height = 16 + rowHeight * labels.size();
        long max = Math.max(
                1, series.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int plotWidth = WIDTH - left - 60;
        StringBuilder svg = open(id, title, height);
        svg.append("<g class=\"axes\" font-size=\"11\" fill=\"#333\">");
        for (int i = 0; i < labels.size(); i++) {
            svg.append(format(
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    left - 8, 8 + rowHeight * i + 16, Html.escape(shorten(labels.get(i), 42))));
        }
        svg.append("</g><g class=\"marks\" font-size=\"12\" fill=\"#333\">");
        for (int i = 0; i < labels.size(); i++) {
            long value = series.values().get(i);
            double width = (double) value / max * plotWidth;
            int y = 8 + rowHeight * i + 3;
            svg.append(mark(left, y, width, rowHeight - 6, series, labels.get(i), value));
            svg.append(format("<text x=\"%.1f\" y=\"%d\">%,d</text>", left + width + 6, y + 13, value));
        }
        return svg.append("</g></svg>").toString();
    }

    private static StringBuilder open(String id, String title, int height) {
        return new StringBuilder()
                .append(format(
                        "<svg class=\"chart\" id=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\""
                                + " aria-label=\"%s\">",
                        Html.escape(id), WIDTH, height, WIDTH, height, Html.escape(title)))
                .append("<title>")
                .append(Html.escape(title))
                .append("</title>");
    }

    private static String legend(List<Series> series) {
        if (series.size() < 2) {
            return "";
        }
        StringBuilder legend = new StringBuilder("<g class=\"legend\" font-size=\"12\" fill=\"#333\">");
        int x = LEFT;
        for (Series s : series) {
            legend.append(format(
                    "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, Html.escape(s.color())));
            legend.append(format("<text x=\"%d\" y=\"18\">%s</text>", x + 16, Html.escape(s.name())));
            x += 24 + 8 * s.name().length();
        }
        return legend.append("</g>").toString();
    }

    private static String mark(
            double x, double y, double width, double height, Series series, String label, long value) {
        return format(
                "<rect class=\"mark\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s%s: %,d</title></rect>",
                x,
                y,
                width,
                height,
                Html.escape(series.color()),
                Html.escape(label),
                Html.escape(series.name().isEmpty() ? "" : " (" + series.name() + ")"),
                value);
    }

    /** Every how many columns an axis label fits: at most 16 labels, none overlapping the next. */
    static int labelEvery(List<String> labels, int plotWidth) {
        int widest = labels.stream().mapToInt(String::length).max().orElse(1);
        double labelWidth = widest * LABEL_CHAR_WIDTH + 12;
        int fit = (int) Math.ceil(labels.size() * labelWidth / plotWidth);
        return Math.max(1, Math.max(fit, (int) Math.ceil(labels.size() / 16.0)));
    }

    /** 1, 2 or 5 times a power of ten, so that about five steps reach {@code max}. */
    static long niceStep(long max) {
        double raw = Math.max(1, max) / 5.0;
        long power = 1;
        while (power * 10 <= raw) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String shorten(String text, int length) {
        String value = text == null ? "" : text;
        return value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
