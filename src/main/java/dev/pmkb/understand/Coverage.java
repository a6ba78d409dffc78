package dev.pmkb.understand;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.Facts;
import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.Postmortem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much of a library pmkb understood: for each fact, how many postmortems state it. Printed by
 * {@code pmkb check --report} so a library owner sees which gaps are worth fixing in the sources.
 *
 * @param total          postmortems read
 * @param counts         fact name → postmortems that have it, in display order
 * @param zones          zone resolution of the start time → postmortems (EXPLICIT, DEFAULT, UNKNOWN, MISSING)
 * @param primaryCauses  primary root-cause tag → postmortems, most frequent first
 * @param errors         error diagnostics over all postmortems
 * @param warnings       warning diagnostics over all postmortems (including lint rules)
 */
public record Coverage(int total, Map<String, Integer> counts, Map<String, Integer> zones,
                       Map<String, Integer> primaryCauses, int errors, int warnings) {

    public Coverage {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        zones = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(zones));
        primaryCauses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(primaryCauses));
    }

    public static Coverage of(List<Postmortem> all) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String k : List.of("title", "date", "summary", "start time", "start instant (date+time+zone)", "end time",
                "duration", "duration computed", "duration stated", "impact statement", "impact % of users",
                "impact categories", "components", "detection", "timeline", "timeline with times", "root cause",
                "root-cause tags (not unknown)", "resolution", "action items", "lessons")) {
            counts.put(k, 0);
        }
        Map<String, Integer> zones = new LinkedHashMap<>();
        for (IncidentTime.ZoneResolution z : IncidentTime.ZoneResolution.values()) zones.put(z.name(), 0);
        zones.put("no start", 0);
        Map<String, Integer> causes = new TreeMap<>();
        int errors = 0;
        int warnings = 0;
        for (Postmortem p : all) {
            Facts f = p.facts();
            count(counts, "title", p.title() != null && !p.title().isBlank());
            count(counts, "date", p.date() != null);
            count(counts, "summary", f.summary() != null);
            count(counts, "start time", f.start() != null && f.start().time() != null);
            count(counts, "start instant (date+time+zone)", f.start() != null && f.start().instant().isPresent());
            count(counts, "end time", f.end() != null && f.end().time() != null);
            count(counts, "duration", f.duration() != null);
            count(counts, "duration computed", f.durationOrigin() == Facts.DurationOrigin.COMPUTED);
            count(counts, "duration stated", f.durationOrigin() == Facts.DurationOrigin.STATED);
            count(counts, "impact statement", f.impact() != null && f.impact().text() != null);
            count(counts, "impact % of users", f.impact() != null && f.impact().usersPercent() != null);
            count(counts, "impact categories", !f.impactCategories().isEmpty());
            count(counts, "components", !f.components().isEmpty());
            count(counts, "detection", f.detection() != null && f.detection().how() != null);
            count(counts, "timeline", !f.timeline().isEmpty());
            count(counts, "timeline with times", f.timeline().stream().anyMatch(t -> t.time() != null));
            count(counts, "root cause", f.rootCause() != null);
            boolean known = f.causes() != null && !f.causes().slugs().isEmpty()
                    && !f.causes().slugs().equals(List.of(CauseClassifier.UNKNOWN));
            count(counts, "root-cause tags (not unknown)", known);
            count(counts, "resolution", f.resolution() != null);
            count(counts, "action items", !f.actionItems().isEmpty());
            count(counts, "lessons", !f.lessons().isEmpty());
            String zone = f.start() == null ? "no start" : f.start().resolution().name();
            zones.merge(zone, 1, Integer::sum);
            if (f.causes() != null && f.causes().primary() != null) causes.merge(f.causes().primary(), 1, Integer::sum);
            for (Diagnostic d : Linter.lint(p)) {
                if (d.isError()) errors++;
                else warnings++;
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(causes.entrySet());
        sorted.sort((a, b) -> b.getValue() - a.getValue());
        Map<String, Integer> primary = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : sorted) primary.put(e.getKey(), e.getValue());
        return new Coverage(all.size(), counts, zones, primary, errors, warnings);
    }

    private static void count(Map<String, Integer> counts, String key, boolean has) {
        if (has) counts.merge(key, 1, Integer::sum);
    }

    /** Share of postmortems with {@code fact}, 0 to 1; 0 for an empty library. */
    public double share(String fact) {
        return total == 0 ? 0 : counts.getOrDefault(fact, 0) / (double) total;
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("Coverage of ").append(total).append(total == 1 ? " postmortem" : " postmortems").append('\n');
        for (Map.Entry<String, Integer> e : counts.entrySet()) line(b, e.getKey(), e.getValue());
        b.append("Start time zone\n");
        for (Map.Entry<String, Integer> e : zones.entrySet()) line(b, "  " + e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        b.append("Primary root cause\n");
        for (Map.Entry<String, Integer> e : primaryCauses.entrySet()) line(b, "  " + e.getKey(), e.getValue());
        b.append("Diagnostics: ").append(errors).append(errors == 1 ? " error, " : " errors, ")
                .append(warnings).append(warnings == 1 ? " warning" : " warnings").append('\n');
        return b.toString();
    }

    private void line(StringBuilder b, String label, int n) {
        double pct = total == 0 ? 0 : 100.0 * n / total;
        b.append(String.format(Locale.ROOT, "  %-32s %5d/%-5d %5.1f%%%n", label, n, total, pct));
    }
}
