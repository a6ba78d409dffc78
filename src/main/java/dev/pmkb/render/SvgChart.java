package dev.pmkb.render;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts as inline SVG, drawn at bake time so readers download no chart library. Colors come from the
 * page's stylesheet through classes, so charts follow the light and dark themes; every chart carries a
 * title and a description for screen readers, and the page shows the same numbers as a table.
 */
public final class SvgChart {

    /** One bar: its label, its value, and what the value reads as ("3 incidents"). */
    public record Bar(String label, double value, String valueText) {
    }

    private static final int WIDTH = 640;
    private static final int ROW = 26;
    private static final int LABEL = 210;

    private SvgChart() {
    }

    /** Horizontal bars, one row per entry, in the given order. */
    public static String horizontal(String id, String title, String description, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int height = Math.max(ROW, bars.size() * ROW) + 8;
        StringBuilder svg = open(id, title, description, height);
        int barWidth = WIDTH - LABEL - 90;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * ROW;
            double w = max <= 0 ? 0 : Math.max(2, b.value() / max * barWidth);
            svg.append(fmt("<text class=\"chart-label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL - 8, y + 17, escape(shorten(b.label(), 30))));
            svg.append(fmt("<rect class=\"chart-bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\"/>",
                    LABEL, y + 4, w, ROW - 8));
            svg.append(fmt("<text class=\"chart-value\" x=\"%.1f\" y=\"%d\">%s</text>", LABEL + w + 6, y + 17,
                    escape(b.valueText())));
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical columns in the given order; only every {@code labelEvery}-th column is labelled. */
    public static String columns(String id, String title, String description, List<Bar> bars, int labelEvery) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int height = 220, top = 16, bottom = 40, left = 8;
        StringBuilder svg = open(id, title, description, height);
        double slot = (WIDTH - left * 2) / (double) Math.max(1, bars.size());
        double plot = height - top - bottom;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = max <= 0 ? 0 : b.value() / max * plot;
            double x = left + i * slot;
            svg.append(fmt("<rect class=\"chart-bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\">"
                    + "<title>%s: %s</title></rect>", x + slot * 0.12, top + plot - h, slot * 0.76, Math.max(h, 0.5),
                    escape(b.label()), escape(b.valueText())));
            if (b.value() > 0 && slot >= 28) {
                svg.append(fmt("<text class=\"chart-value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                        x + slot / 2, top + plot - h - 4, escape(String.valueOf((long) b.value()))));
            }
            if (i % labelEvery == 0) {
                svg.append(fmt("<text class=\"chart-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x + slot / 2, height - bottom + 18, escape(shorten(b.label(), 12))));
            }
        }
        svg.append(fmt("<line class=\"chart-axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", left, top + plot,
                WIDTH - left, top + plot));
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
