package dev.pmkb.render;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts as inline SVG, drawn at bake time so readers download no chart library. Colors come from the
 * page's stylesheet through classes, so charts follow the light and dark themes; every chart carries a
 * title and a description for screen readers, and the page shows the same numbers as a table.
 *
 * <p>Charts are drawn {@value #WIDTH} units wide, about the width of a phone's column, and the stylesheet lets them
 * grow to a little more on wide screens: their 13-unit text stays 11–12 px on a 390 px phone and 15 px on a desktop
 * (a 640-unit chart shrunk to a phone made it 6 px). Rows put the label above its bar, across the whole width, so
 * long names are never cut off.
 */
public final class SvgChart {

    /** One bar: its label, its value, and what the value reads as ("3 incidents"). */
    public record Bar(String label, double value, String valueText) {
    }

    static final int WIDTH = 400;
    /** Width of a character of 13-unit text, generously: for room, never for layout that must be exact. */
    static final double CHAR_WIDTH = 7.5;
    private static final int ROW = 40;
    private static final int LABEL_CHARS = (int) (WIDTH / CHAR_WIDTH);

    private SvgChart() {
    }

    /** One row per entry, in the given order: the label, then its bar and value. */
    public static String horizontal(String id, String title, String description, List<Bar> bars) {
        return rows(id, title, description, bars, false);
    }

    /**
     * Rows on a logarithmic scale, for values that span orders of magnitude (minutes to days): a bar's length is
     * {@code log(1 + value) / log(1 + max)}.
     */
    public static String logarithmic(String id, String title, String description, List<Bar> bars) {
        return rows(id, title, description, bars, true);
    }

    private static String rows(String id, String title, String description, List<Bar> bars, boolean log) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int height = Math.max(ROW, bars.size() * ROW) + 4;
        StringBuilder svg = open(id, title, description, height);
        // the longest bar leaves room for the longest value after it: text past the edge would be cut off
        int longestValue = bars.stream().mapToInt(b -> b.valueText().length()).max().orElse(0);
        int barWidth = (int) Math.max(WIDTH / 4.0, WIDTH - 8 - longestValue * CHAR_WIDTH);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * ROW;
            double share = max <= 0 ? 0 : log ? Math.log1p(Math.max(0, b.value())) / Math.log1p(max) : b.value() / max;
            double w = b.value() <= 0 ? 0 : Math.max(2, share * barWidth);
            svg.append(fmt("<text class=\"chart-label\" x=\"0\" y=\"%d\">%s</text>", y + 14,
                    escape(shorten(b.label(), LABEL_CHARS))));
            svg.append(fmt("<rect class=\"chart-bar\" x=\"0\" y=\"%d\" width=\"%.1f\" height=\"14\" rx=\"3\"/>",
                    y + 20, w));
            svg.append(fmt("<text class=\"chart-value\" x=\"%.1f\" y=\"%d\">%s</text>", w + 6, y + 32,
                    escape(b.valueText())));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Vertical columns in the given order, as many as fit ({@code WIDTH / columns} units each); {@code axis} gives
     * each column's label under the axis, or null for none. A label that would run past the right edge is left out.
     */
    public static String columns(String id, String title, String description, List<Bar> bars, List<String> axis) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int height = 170, top = 18, bottom = 26;
        StringBuilder svg = open(id, title, description, height);
        double slot = WIDTH / (double) Math.max(1, bars.size());
        double plot = height - top - bottom;
        double labelEnd = -1;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = max <= 0 ? 0 : b.value() / max * plot;
            double x = i * slot;
            svg.append(fmt("<rect class=\"chart-bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"1\">"
                    + "<title>%s: %s</title></rect>", x + slot * 0.1, top + plot - h, slot * 0.8, Math.max(h, 0.5),
                    escape(b.label()), escape(b.valueText())));
            if (b.value() > 0 && slot >= 24) {
                svg.append(fmt("<text class=\"chart-value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                        x + slot / 2, top + plot - h - 4, escape(String.valueOf((long) b.value()))));
            }
            String label = axis.get(i);
            // never past the edge, never over the previous label
            double labelWidth = label == null ? 0 : label.length() * CHAR_WIDTH;
            if (label != null && x >= labelEnd && x + labelWidth <= WIDTH) {
                svg.append(fmt("<text class=\"chart-label\" x=\"%.1f\" y=\"%d\">%s</text>", x, height - 6,
                        escape(label)));
                labelEnd = x + labelWidth + 6;
            }
        }
        svg.append(fmt("<line class=\"chart-axis\" x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", top + plot, WIDTH,
                top + plot));
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, String description, int height) {
        return new StringBuilder(fmt("<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-t %s-d\">"
                + "<title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>", WIDTH, height, id, id, id,
                escape(title), id, escape(description)));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
