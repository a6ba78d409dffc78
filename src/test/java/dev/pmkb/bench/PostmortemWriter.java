package dev.pmkb.bench;

import dev.pmkb.bench.LibraryGenerator.Format;
import dev.pmkb.bench.LibraryGenerator.Incident;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.pmkb.bench.LibraryGenerator.pick;

/**
 * Writes the Markdown of one incident the way people write postmortems: the ALX course's header-less layout
 * (Issue Summary, Timeline, Root Cause and Resolution, Corrective and Preventative Measures; sometimes bold
 * pseudo-headings or {@code Label:} lines instead of headings) or a JBake/YAML header over similar sections.
 * Each file picks its own habits (12- or 24-hour clock, date style, zone in every line or once in the
 * heading), so that no two libraries of the same size test the same narrow case.
 */
final class PostmortemWriter {

    private static final int MIN_BYTES = 1_100;
    private static final int MAX_BYTES = 10_000;

    private final Incident incident;
    private final SplittableRandom r;
    private final Map<String, String> words = new LinkedHashMap<>();
    private final Vocabulary.Cause cause;
    private final DateTimeFormatter dateStyle;
    private final boolean clock12;
    /**
     * Timeline lines carry no zone: the heading names it when its wording has room ("Timeline (all times
     * CET)"), otherwise only the summary's duration line does, as in many real write-ups.
     */
    private final boolean zoneInHeading;

    private PostmortemWriter(Incident incident, SplittableRandom r) {
        this.incident = incident;
        this.r = r;
        this.cause = Vocabulary.CAUSES.stream().filter(c -> c.tag().equals(incident.causes().getFirst()))
                .findFirst().orElseThrow();
        this.dateStyle = DateTimeFormatter.ofPattern(pick(r, List.of("MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy",
                "yyyy-MM-dd")), Locale.ENGLISH);
        this.clock12 = r.nextInt(3) == 0;
        this.zoneInHeading = incident.zone().written() && r.nextInt(4) == 0;
        String region = incident.names().host().replaceAll(".*\\.", "");
        words.put("svc", incident.service());
        words.put("comp", incident.components().getFirst());
        words.put("host", incident.names().host());
        words.put("err", pick(r, cause.errors()));
        words.put("port", Integer.toString(8000 + r.nextInt(1000)));
        words.put("ver", incident.names().version());
        words.put("n", Integer.toString(4 + r.nextInt(60)));
        words.put("mult", Integer.toString(3 + r.nextInt(8)));
        words.put("event", incident.names().event());
        words.put("dc", incident.names().dataCenter());
        words.put("table", pick(r, Vocabulary.TABLES));
        words.put("rows", String.format(Locale.ROOT, "%,d", 1_000_000 + r.nextInt(90_000_000)));
        words.put("region", region);
        words.put("team", pick(r, Vocabulary.TEAMS));
        words.put("role", pick(r, Vocabulary.ROLES));
        words.put("sev", Integer.toString(1 + r.nextInt(3)));
        words.put("pct", Integer.toString(incident.impactPercent()));
        words.put("alert", pick(r, Vocabulary.ALERTS));
        words.put("other", pick(r, Vocabulary.OTHER_SYSTEMS));
        words.put("rps", String.format(Locale.ROOT, "%,d", 50 + r.nextInt(20_000)));
        words.put("change", substitute(pick(r, Vocabulary.CHANGES)));
    }

    static String write(Incident incident, SplittableRandom r) {
        return new PostmortemWriter(incident, r).write();
    }

    private String write() {
        StringBuilder doc = new StringBuilder();
        switch (incident.format()) {
            case JBAKE -> doc.append("title=").append(incident.title()).append('\n')
                    .append("date=").append(incident.start().toLocalDate()).append('\n')
                    .append("type=post\n")
                    .append("tags=").append(String.join(",", incident.causes())).append('\n')
                    .append("status=published\n~~~~~~\n\n");
            case YAML -> doc.append("---\ntitle: \"").append(incident.title().replace("\"", "\\\"")).append("\"\n")
                    .append("date: ").append(incident.start().toLocalDate()).append('\n')
                    .append("root_causes: [").append(String.join(", ", incident.causes())).append("]\n")
                    .append("components: [").append(String.join(", ", incident.components())).append("]\n")
                    .append("---\n\n");
            case ALX -> { }
        }
        boolean headed = incident.format() != Format.ALX;
        if (!headed || r.nextBoolean()) doc.append(titleLine()).append("\n\n");

        List<String> analysis = new ArrayList<>();
        analysis.add(fill(pick(r, cause.explanations())));
        analysis.add(fill(pick(r, cause.fixes())));
        String summary = summary();
        String timeline = timeline();
        String measures = measures();
        // Grow the analysis with context, logs and reflections until the file has the length drawn for it.
        double u = r.nextDouble();
        int target = MIN_BYTES + (int) ((MAX_BYTES - MIN_BYTES) * u * u);
        int fixed = doc.length() + summary.length() + timeline.length() + measures.length() + 200;
        List<String> extras = new ArrayList<>();
        Vocabulary.BACKGROUND.forEach(p -> extras.add(fill(p)));
        Vocabulary.REFLECTIONS.forEach(p -> extras.add(fill(p)));
        cause.explanations().stream().map(this::fill).filter(p -> !analysis.contains(p)).forEach(extras::add);
        java.util.Collections.shuffle(extras, new java.util.Random(r.nextLong()));
        while (fixed + length(analysis) < target) {
            // Each paragraph at most once; log excerpts (different every time) once the paragraphs run out.
            String more = !extras.isEmpty() && r.nextInt(3) > 0 ? extras.removeLast() : logExcerpt();
            if (fixed + length(analysis) + more.length() > MAX_BYTES - 300) break;
            analysis.add(more);
        }
        doc.append(section("Issue Summary", "Summary", "Incident summary")).append(summary).append('\n');
        doc.append(section(zoneInHeading ? "Timeline (all times " + incident.zone().nameAt(incident.start()) + ")"
                : "Timeline", "Timeline of events", "Timeline")).append(timeline).append('\n');
        doc.append(section("Root Cause and Resolution", "Root cause and resolution", "Root Cause & Resolution"));
        for (String paragraph : analysis) doc.append(paragraph).append("\n\n");
        doc.append(section("Corrective and Preventative Measures", "Corrective and preventive measures",
                "Action items")).append(measures);
        if (r.nextInt(3) == 0) {
            doc.append('\n').append(section("Lessons learned", "Lessons Learned", "What we learned"));
            List<String> lessons = new ArrayList<>(Vocabulary.LESSONS);
            java.util.Collections.shuffle(lessons, new java.util.Random(r.nextLong()));
            lessons.subList(0, 2 + r.nextInt(3)).forEach(l -> doc.append("- ").append(l).append('\n'));
        }
        return doc.toString();
    }

    private String titleLine() {
        return switch (r.nextInt(5)) {
            case 0, 1 -> "# Postmortem: " + incident.title();
            case 2, 3 -> "# " + incident.title();
            default -> "**Postmortem: " + incident.title() + "**";
        };
    }

    /** A section heading as this file writes them: mostly {@code ##}, sometimes a bold line or a label. */
    private String section(String alx, String modern, String other) {
        String name = incident.format() == Format.ALX ? (r.nextInt(5) == 0 ? other : alx)
                : (r.nextInt(5) == 0 ? other : modern);
        return switch (r.nextInt(8)) {
            case 0 -> "**" + name + "**\n\n";
            case 1 -> name + ":\n\n";
            default -> "## " + name + "\n\n";
        };
    }

    private String summary() {
        String bold = r.nextBoolean() ? "**" : "";
        String label = bold.isEmpty() ? ":" : ":**";
        StringBuilder s = new StringBuilder();
        if (r.nextInt(3) == 0) s.append(fill(pick(r, Vocabulary.BACKGROUND))).append("\n\n");
        s.append(bold).append("Duration").append(label).append(' ').append(window()).append("\n\n");
        String subject = substitute(pick(r, Vocabulary.IMPACT_SUBJECTS));
        String share = r.nextInt(10) == 0 ? incident.impactPercent() + " percent" : incident.impactPercent() + "%";
        s.append(bold).append("Impact").append(label).append(' ').append(capitalize(pick(r, List.of(
                "about " + share + " of " + subject + " failed with `" + words.get("err") + "`",
                share + " of " + subject + " were affected while " + words.get("svc") + " was degraded",
                words.get("svc") + " was unavailable for " + share + " of " + subject)))).append(" for ")
                .append(spelledDuration()).append(".\n\n");
        s.append(bold).append("Root cause").append(label).append(' ')
                .append(fill(pick(r, cause.explanations())).replaceAll("\\. .*", ".")).append('\n');
        return s.toString();
    }

    /** The incident window in one of the ways people write it; a rollover past midnight names both dates. */
    private String window() {
        ZonedDateTime start = incident.start();
        ZonedDateTime end = incident.end();
        String z1 = zone(start);
        String z2 = zone(end);
        boolean sameDay = start.toLocalDate().equals(end.toLocalDate());
        String d1 = dateStyle.format(start);
        String d2 = dateStyle.format(end);
        return switch (r.nextInt(3)) {
            case 0 -> sameDay
                    ? d1 + ", " + clock(start) + " - " + clock(end) + paren(z1)
                    : d1 + ", " + clock(start) + paren(z1) + " - " + d2 + ", " + clock(end) + paren(z2);
            case 1 -> sameDay
                    ? "From " + clock(start) + space(z1) + " to " + clock(end) + space(z2) + " on " + d1
                    : "From " + clock(start) + space(z1) + " on " + d1 + " to " + clock(end) + space(z2) + " on " + d2;
            default -> start.toLocalDate() + " " + clock(start) + space(z1) + " to " + end.toLocalDate() + " "
                    + clock(end) + space(z2) + " (" + spelledDuration() + ")";
        };
    }

    /** Detection first, resolution last, with the misleading turns and escalations in between. */
    private String timeline() {
        List<String> middle = new ArrayList<>();
        middle.add(fill(pick(r, Vocabulary.MISLEADING)));
        middle.add(fill(pick(r, Vocabulary.ESCALATIONS)));
        for (int i = 0; i < 1 + r.nextInt(6); i++) middle.add(fill(pick(r, Vocabulary.INVESTIGATIONS)));
        java.util.Collections.swap(middle, 0, r.nextInt(middle.size()));
        middle.add("Fix applied: " + decapitalize(fill(pick(r, cause.fixes()))));
        long minutes = incident.durationMinutes();
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < middle.size(); i++) offsets.add(1 + (long) (r.nextDouble() * Math.max(1, minutes - 2)));
        offsets.sort(null);

        String bullet = pick(r, List.of("- ", "* ", "- "));
        String dash = pick(r, List.of(" — ", ": ", " - "));
        boolean datesOnRollover = r.nextBoolean();
        StringBuilder t = new StringBuilder();
        if ((incident.causes().contains("bad-deploy") || incident.causes().contains("config-change")) && r.nextBoolean()) {
            ZonedDateTime change = incident.start().minusMinutes(10 + r.nextInt(300));
            t.append(bullet).append(stamp(change, datesOnRollover)).append(dash)
                    .append(fill("Change goes out: {change}.")).append('\n');
        }
        t.append(bullet).append(stamp(incident.start(), datesOnRollover)).append(dash)
                .append(fill(pick(r, Vocabulary.DETECTIONS))).append('\n');
        for (int i = 0; i < middle.size(); i++) {
            ZonedDateTime at = incident.start().plusMinutes(offsets.get(i));
            t.append(bullet).append(stamp(at, datesOnRollover)).append(dash).append(middle.get(i)).append('\n');
        }
        t.append(bullet).append(stamp(incident.end(), datesOnRollover)).append(dash)
                .append(fill(pick(r, Vocabulary.RESOLUTIONS))).append('\n');
        return t.toString();
    }

    /** A timeline time; after midnight some authors add the date, others leave the reader to work it out. */
    private String stamp(ZonedDateTime at, boolean dateAfterRollover) {
        String time = clock(at) + (zoneInHeading ? "" : space(zone(at)));
        boolean nextDay = !at.toLocalDate().equals(incident.start().toLocalDate());
        return nextDay && dateAfterRollover ? dateStyle.format(at) + " " + time : time;
    }

    private String measures() {
        List<String> actions = new ArrayList<>(cause.actions());
        actions.add("Update the runbook for {svc} with what we learned");
        actions.add("Add {comp} to the on-call dashboard");
        actions.add("Run a game day that replays this failure");
        java.util.Collections.shuffle(actions, new java.util.Random(r.nextLong()));
        int count = 3 + r.nextInt(4);
        int style = r.nextInt(3);
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < Math.min(count, actions.size()); i++) {
            String action = fill(actions.get(i));
            String ticket = "OPS-" + (1000 + r.nextInt(9000));
            m.append(switch (style) {
                case 0 -> "- [" + (r.nextInt(3) == 0 ? "x" : " ") + "] " + action + " (" + ticket + ")";
                case 1 -> (i + 1) + ". " + action + " — owner: " + pick(r, Vocabulary.TEAMS) + " team";
                default -> "- " + action + ".";
            }).append('\n');
        }
        return m.toString();
    }

    /** A few log lines as engineers paste them: timestamps, hosts, process ids and the error itself. */
    private String logExcerpt() {
        StringBuilder log = new StringBuilder("Logs from " + words.get("host") + " at the time:\n\n```\n");
        ZonedDateTime at = incident.start();
        for (int i = 0; i < 3 + r.nextInt(6); i++) {
            at = at.plusSeconds(r.nextInt(90));
            log.append(at.toLocalDateTime()).append(' ').append(words.get("host")).append(' ')
                    .append(words.get("comp").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                    .append('[').append(1000 + r.nextInt(60000)).append("]: ")
                    .append(pick(r, List.of("ERROR", "WARN", "FATAL", "ERROR"))).append(' ')
                    .append(r.nextInt(3) == 0 ? "request_id=" + Long.toHexString(r.nextLong()).substring(0, 8) + " " : "")
                    .append(pick(r, cause.errors())).append('\n');
        }
        return log.append("```").toString();
    }

    private String clock(ZonedDateTime t) {
        return clock12
                ? t.format(DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH))
                : t.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH));
    }

    private String zone(ZonedDateTime t) {
        return incident.zone().written() ? incident.zone().nameAt(t) : "";
    }

    private static String paren(String zone) {
        return zone.isEmpty() ? "" : " (" + zone + ")";
    }

    private static String space(String zone) {
        return zone.isEmpty() ? "" : " " + zone;
    }

    private String spelledDuration() {
        long m = incident.durationMinutes();
        long h = m / 60;
        long rest = m % 60;
        if (h == 0) return m + " minutes";
        String hours = h + (h == 1 ? " hour" : " hours");
        return rest == 0 ? hours : hours + " " + rest + (rest == 1 ? " minute" : " minutes");
    }

    /** A sentence from a template: placeholders filled, first letter upper case. */
    private String fill(String template) {
        return capitalize(substitute(template));
    }

    /** A fragment from a template, for the middle of a sentence. */
    private String substitute(String template) {
        String s = template;
        for (Map.Entry<String, String> w : words.entrySet()) s = s.replace("{" + w.getKey() + "}", w.getValue());
        return s;
    }

    private static int length(List<String> paragraphs) {
        return paragraphs.stream().mapToInt(p -> p.length() + 2).sum();
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
