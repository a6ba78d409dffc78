package dev.pmkb.render;

import dev.pmkb.model.Facts;
import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.Library;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.TimelineEntry;
import dev.pmkb.render.Views.Chart;
import dev.pmkb.render.Views.Count;
import dev.pmkb.render.Views.DurationRow;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The insights page: what keeps happening across the library, in charts that tell the truth about the data. Each
 * chart comes with its numbers as a table. Durations are binned (the bins double, so they read as a log scale) or
 * drawn on a log scale; time to detect counts only incidents whose timeline starts before the detection; the
 * incidents-over-time chart covers the dense range of dates and names the lone outliers it leaves out.
 */
final class Insights {

    /** Components shown in the chart; the table lists all of them. */
    static final int TOP_COMPONENTS = 12;
    /** A gap this long between the first (or last) incidents and the rest leaves them out of the chart over time. */
    static final int OUTLIER_GAP_MONTHS = 12;
    /** At most this share of dated incidents is left out of the chart over time as outliers. */
    static final double MAX_OUTLIER_SHARE = 0.05;

    private record Bucket(String label, Duration upTo) {
    }

    private static final List<Bucket> DURATION_BUCKETS = List.of(
            new Bucket("under 15 min", Duration.ofMinutes(15)), new Bucket("15–30 min", Duration.ofMinutes(30)),
            new Bucket("30–60 min", Duration.ofHours(1)), new Bucket("1–2 h", Duration.ofHours(2)),
            new Bucket("2–4 h", Duration.ofHours(4)), new Bucket("4–8 h", Duration.ofHours(8)),
            new Bucket("8–24 h", Duration.ofHours(24)), new Bucket("1 day or more", null));

    private static final List<Bucket> DETECTION_BUCKETS = List.of(
            new Bucket("under 5 min", Duration.ofMinutes(5)), new Bucket("5–15 min", Duration.ofMinutes(15)),
            new Bucket("15–60 min", Duration.ofHours(1)), new Bucket("1–4 h", Duration.ofHours(4)),
            new Bucket("4–24 h", Duration.ofHours(24)), new Bucket("1 day or more", null));

    private final Library library;
    private final Function<String, String> causeName;
    private final Function<String, String> causeUrl;
    private final Function<String, String> componentName;

    Insights(Library library, Function<String, String> causeName, Function<String, String> causeUrl,
             Function<String, String> componentName) {
        this.library = library;
        this.causeName = causeName;
        this.causeUrl = causeUrl;
        this.componentName = componentName;
    }

    Pages.Insights page(List<Count> causes) {
        List<Postmortem> all = library.incidents();
        List<Chart> charts = new ArrayList<>();
        charts.add(countChart("causes", "Incidents per root cause",
                "Number of incidents tagged with each root cause; an incident may have several.", "Root cause",
                causes, null));
        Chart overTime = overTime(all);
        if (overTime != null) charts.add(overTime);

        List<Duration> durations = all.stream().map(p -> p.facts().duration()).filter(d -> d != null).sorted().toList();
        if (!durations.isEmpty()) {
            charts.add(countChart("durations", "How long incidents lasted",
                    "Number of incidents by duration, shortest first; each bin is about twice as long as the one"
                            + " before, so the bins read as a log scale.", "Duration",
                    buckets(durations, DURATION_BUCKETS), null));
        }
        Chart byCause = durationByCause(all);
        if (byCause != null) charts.add(byCause);

        List<Duration> detections = new ArrayList<>();
        int atStart = 0;
        for (Postmortem p : all) {
            Duration d = timeToDetect(p);
            if (d == null) continue;
            if (d.isZero()) atStart++;
            else detections.add(d);
        }
        detections.sort(null);
        if (!detections.isEmpty()) {
            charts.add(countChart("detection", "Time to detect",
                    "Number of incidents by the time from their start to their detection, for incidents whose"
                            + " timeline starts before the detection.", "From start to detection",
                    buckets(detections, DETECTION_BUCKETS),
                    atStart == 0 ? null : plural(atStart, "timeline") + " that start at the detection "
                            + (atStart == 1 ? "is" : "are") + " left out: they cannot say how long it took."));
        }
        Chart sources = detectionSources(all);
        if (sources != null) charts.add(sources);
        Chart components = components(all);
        if (components != null) charts.add(components);
        return new Pages.Insights(all.size(), Display.duration(SitePlanner.median(durations)), durations.size(),
                Display.duration(SitePlanner.median(detections)), detections.size(), atStart, charts);
    }

    /**
     * Incidents per month, quarter or year (as many as fit), over the range where the dates are: the first and last
     * incidents are left out (and named) while a gap of over a year separates them from the rest and they are at
     * most 5 % of the dated ones.
     */
    private Chart overTime(List<Postmortem> all) {
        List<YearMonth> months = all.stream().filter(p -> p.date() != null).map(p -> YearMonth.from(p.date()))
                .sorted().toList();
        if (months.isEmpty()) return null;
        int maxOut = (int) Math.floor(months.size() * MAX_OUTLIER_SHARE);
        int from = 0;
        int to = months.size() - 1;
        // the outliers: leading (or trailing) incidents a gap of more than a year away from the next
        for (int i = 0; i < to && i + 1 <= maxOut; i++) {
            if (monthsBetween(months.get(i), months.get(i + 1)) > OUTLIER_GAP_MONTHS) from = i + 1;
        }
        for (int i = to; i > from && (months.size() - i) + from <= maxOut; i--) {
            if (monthsBetween(months.get(i - 1), months.get(i)) > OUTLIER_GAP_MONTHS) to = i - 1;
        }
        YearMonth first = months.get(from);
        YearMonth last = months.get(to);
        long span = monthsBetween(first, last) + 1;
        int binMonths = span <= 48 ? 1 : span <= 144 ? 3 : 12;
        String unit = binMonths == 1 ? "month" : binMonths == 3 ? "quarter" : "year";
        YearMonth start = binMonths == 1 ? first : binMonths == 3
                ? YearMonth.of(first.getYear(), (first.getMonthValue() - 1) / 3 * 3 + 1) : YearMonth.of(first.getYear(), 1);
        Map<YearMonth, Integer> counts = new TreeMap<>();
        for (YearMonth m = start; !m.isAfter(last); m = m.plusMonths(binMonths)) counts.put(m, 0);
        for (int i = from; i <= to; i++) {
            YearMonth m = months.get(i);
            YearMonth bin = start.plusMonths(monthsBetween(start, m) / binMonths * binMonths);
            counts.merge(bin, 1, Integer::sum);
        }
        List<Count> rows = new ArrayList<>();
        List<SvgChart.Bar> bars = new ArrayList<>();
        List<String> axis = new ArrayList<>();
        for (Map.Entry<YearMonth, Integer> e : counts.entrySet()) {
            String name = binName(e.getKey(), binMonths);
            rows.add(new Count(name, null, e.getValue()));
            bars.add(new SvgChart.Bar(name, e.getValue(), plural(e.getValue(), "incident")));
            boolean yearStarts = e.getKey().getMonthValue() <= binMonths || rows.size() == 1;
            axis.add(yearStarts ? String.valueOf(e.getKey().getYear()) : null);
        }
        List<String> left = new ArrayList<>();
        for (int i = 0; i < from; i++) left.add(binName(months.get(i), 1));
        for (int i = to + 1; i < months.size(); i++) left.add(binName(months.get(i), 1));
        String note = left.isEmpty() ? null : "Not shown, far from the rest: " + plural(left.size(), "incident")
                + " (" + String.join(", ", left) + ").";
        String title = "Incidents per " + unit;
        String svg = SvgChart.columns("chart-over-time", title, "Number of incidents that started in each " + unit
                + ", from " + binName(first, 1) + " to " + binName(last, 1) + ".", bars, axis);
        return new Chart("over-time", title, svg, unit.substring(0, 1).toUpperCase(Locale.ROOT) + unit.substring(1),
                rows, List.of(), note);
    }

    private static long monthsBetween(YearMonth a, YearMonth b) {
        return java.time.temporal.ChronoUnit.MONTHS.between(a, b);
    }

    private static String binName(YearMonth m, int months) {
        if (months == 12) return String.valueOf(m.getYear());
        if (months == 3) return "Q" + ((m.getMonthValue() - 1) / 3 + 1) + " " + m.getYear();
        return m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + m.getYear();
    }

    /** Median duration per root cause on a log scale, for causes with at least two known durations. */
    private Chart durationByCause(List<Postmortem> all) {
        Map<String, List<Duration>> byCause = new TreeMap<>();
        for (Postmortem p : all) {
            Duration d = p.facts().duration();
            if (d == null) continue;
            for (String slug : p.facts().causes().slugs()) byCause.computeIfAbsent(slug, s -> new ArrayList<>()).add(d);
        }
        List<DurationRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<Duration>> e : byCause.entrySet()) {
            List<Duration> sorted = e.getValue().stream().sorted().toList();
            if (sorted.size() < 2) continue;
            Duration median = SitePlanner.median(sorted);
            rows.add(new DurationRow(causeName.apply(e.getKey()), causeUrl.apply(e.getKey()), sorted.size(),
                    Display.duration(median), median.toMinutes(), Display.duration(sorted.getFirst()),
                    Display.duration(sorted.getLast())));
        }
        if (rows.isEmpty()) return null;
        rows.sort(Comparator.comparingLong(DurationRow::medianMinutes).reversed().thenComparing(DurationRow::name));
        String svg = SvgChart.logarithmic("chart-duration-by-cause", "Median duration by root cause",
                "Median duration of the incidents of each root cause with at least two known durations, longest"
                        + " first, on a log scale.",
                rows.stream().map(r -> new SvgChart.Bar(r.name(), r.medianMinutes(),
                        r.median() + " · " + plural(r.incidents(), "incident"))).toList());
        return new Chart("duration-by-cause", "Median duration by root cause", svg, "Root cause", List.of(), rows,
                "Bar lengths are on a log scale, so that minutes and days fit one chart.");
    }

    /** How incidents were noticed, as the write-ups say. */
    private Chart detectionSources(List<Postmortem> all) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int unknown = 0;
        for (Postmortem p : all) {
            String how = p.facts().detection().how();
            if (how == null || how.isBlank()) unknown++;
            else counts.merge(capitalised(how.strip()), 1, Integer::sum);
        }
        if (counts.isEmpty()) return null;
        List<Count> rows = sortedCounts(counts);
        return countChart("detection-source", "How incidents were noticed",
                "Number of incidents by what noticed them first, as the write-ups say.", "Noticed by", rows,
                unknown == 0 ? null : plural(unknown, "write-up") + " do" + (unknown == 1 ? "es" : "")
                        + " not say how the incident was noticed.");
    }

    /** Incidents per component, the most frequent first. */
    private Chart components(List<Postmortem> all) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Postmortem p : all) {
            for (String c : p.facts().components().stream().distinct().toList()) {
                counts.merge(componentName.apply(c), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) return null;
        List<Count> rows = sortedCounts(counts);
        List<Count> shown = rows.size() <= TOP_COMPONENTS ? rows : rows.subList(0, TOP_COMPONENTS);
        String note = rows.size() <= TOP_COMPONENTS ? null
                : "The chart shows the " + TOP_COMPONENTS + " most frequent of " + rows.size()
                + " components; the table lists them all.";
        Chart chart = countChart("components", "Components involved",
                "Number of incidents that involved each component, most frequent first.", "Component", shown, note);
        return new Chart(chart.id(), chart.heading(), chart.svg(), chart.column(), rows, List.of(), note);
    }

    private static List<Count> sortedCounts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), null, e.getValue()))
                .sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::name)).toList();
    }

    private static Chart countChart(String id, String heading, String description, String column, List<Count> rows,
                                    String note) {
        String svg = SvgChart.horizontal("chart-" + id, heading, description,
                rows.stream().map(c -> new SvgChart.Bar(c.name(), c.count(), plural(c.count(), "incident"))).toList());
        return new Chart(id, heading, svg, column, rows, List.of(), note);
    }

    private static List<Count> buckets(List<Duration> values, List<Bucket> buckets) {
        int[] counts = new int[buckets.size()];
        for (Duration d : values) {
            int i = 0;
            while (buckets.get(i).upTo() != null && d.compareTo(buckets.get(i).upTo()) >= 0) i++;
            counts[i]++;
        }
        List<Count> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) out.add(new Count(buckets.get(i).label(), null, counts[i]));
        return out;
    }

    /**
     * From the start to the detection, when both are known on the same clock; zero when the detection is the
     * start (the timeline starts at the detection, or the write-up says so), null when unknown.
     */
    static Duration timeToDetect(Postmortem p) {
        Facts f = p.facts();
        if (f.start() == null || f.start().local().isEmpty()) return null;
        IncidentTime detected = f.detection().time();
        if (detected == null || detected.local().isEmpty()) {
            detected = f.timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.DETECTION)
                    .map(TimelineEntry::time).filter(t -> t != null && t.local().isPresent()).findFirst().orElse(null);
        }
        if (detected == null) return null;
        Duration d = Duration.between(f.start().local().get(), detected.local().get());
        return d.isNegative() || d.toDays() > 30 ? null : d;
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
