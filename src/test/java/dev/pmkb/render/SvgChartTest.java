package dev.pmkb.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Charts fit their text: no label or value runs past the drawing, and the drawing is as wide as a phone's column. */
class SvgChartTest {

    private static final Pattern TEXT = Pattern.compile("<text class=\"chart-(?:label|value)\" x=\"([0-9.]+)\"[^>]*>([^<]*)</text>");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    private static void assertFits(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        assertTrue(box.find(), svg);
        int width = Integer.parseInt(box.group(1));
        // 13-unit text drawn at most 1.1 times smaller on a 390 px phone (358 px of column) stays 11 px or more
        assertTrue(width <= 358 * 1.15, "a " + width + "-unit chart shrinks its text below 11 px on a phone");
        Matcher text = TEXT.matcher(svg);
        int texts = 0;
        while (text.find()) {
            texts++;
            String unescaped = text.group(2).replace("&amp;", "&").replace("&lt;", "<").replace("&#39;", "'");
            double end = Double.parseDouble(text.group(1)) + unescaped.length() * SvgChart.CHAR_WIDTH;
            boolean middle = text.group().contains("text-anchor=\"middle\"");
            assertTrue(middle || end <= width, "'" + unescaped + "' ends at " + end + " of " + width);
        }
        assertTrue(texts > 0, svg);
    }

    @Test
    void longLabelsAndValuesStayInsideRows() {
        List<SvgChart.Bar> bars = List.of(
                new SvgChart.Bar("Capacity / resource exhaustion of the connection pool in the primary region", 61,
                        "61 incidents"),
                new SvgChart.Bar("Network", 3525, "2 d 10 h 45 min · 2 incidents"),
                new SvgChart.Bar("DNS", 1, "1 incident"));
        assertFits(SvgChart.horizontal("a", "A", "a", bars));
        assertFits(SvgChart.logarithmic("b", "B", "b", bars));
    }

    @Test
    void axisLabelsOfColumnsNeverRunPastTheEdgeOrOverlap() {
        for (int columns : new int[]{1, 7, 31, 48, 120}) {
            List<SvgChart.Bar> bars = new ArrayList<>();
            List<String> axis = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                bars.add(new SvgChart.Bar("m" + i, i % 5, (i % 5) + " incidents"));
                axis.add(i % 4 == 0 ? String.valueOf(2000 + i / 4) : null);
            }
            String svg = SvgChart.columns("c", "C", "c", bars, axis);
            assertFits(svg);
            Matcher text = Pattern.compile("<text class=\"chart-label\" x=\"([0-9.]+)\"[^>]*>([^<]*)</text>").matcher(svg);
            double previousEnd = -1;
            while (text.find()) {
                double x = Double.parseDouble(text.group(1));
                assertTrue(x >= previousEnd, "labels overlap at " + x + " in a chart of " + columns + " columns");
                previousEnd = x + text.group(2).length() * SvgChart.CHAR_WIDTH;
            }
        }
    }
}
