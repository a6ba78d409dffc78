package dev.pmkb.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ../shared/labels/score.py} in Java: scores the facts of a baked {@code incidents.json} against hand-made
 * labels ({@code dev.jsonl}), with the same matching and the same arithmetic, so that a test can guard the figures
 * the team reads off the script. A label's file ({@code alx/003.md}) is matched to the incident whose source has
 * the same file name; times are compared to the minute, an instant (with offset) only with an instant and a local
 * time only with a local time; durations may differ by a minute, impact by less than half a point; causes count
 * toward precision and recall (a tag in neither {@code causes_must} nor {@code causes_ok} is a false positive); the
 * primary cause is right when the first tag is in either list.
 *
 * <p>{@link #report()} prints what the script prints, line for line.
 */
public record LabelScore(int labeled, int matched, Map<Field, Integer> correct, int truePositives,
                         int falseNegatives, int falsePositives, List<String> wrongLines, List<String> missing) {

    public enum Field { START, END, DURATION, IMPACT, PRIMARY }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static LabelScore of(Path incidentsJson, Path... labelFiles) {
        try {
            JsonNode doc = JSON.readTree(incidentsJson.toFile());
            JsonNode incidents = doc.isObject() ? doc.get("incidents") : doc;
            Map<String, JsonNode> bySource = new HashMap<>();
            for (JsonNode incident : incidents) bySource.put(key(text(incident, "source", "")), incident);
            List<JsonNode> labels = new ArrayList<>();
            for (Path file : labelFiles) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) labels.add(JSON.readTree(line));
                }
            }
            return score(bySource, labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabelScore score(Map<String, JsonNode> bySource, List<JsonNode> labels) {
        Map<Field, Integer> correct = new EnumMap<>(Field.class);
        for (Field f : Field.values()) correct.put(f, 0);
        int tp = 0;
        int fn = 0;
        int fp = 0;
        List<String> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode label : labels) {
            JsonNode incident = bySource.get(key(label.get("file").asText()));
            if (incident == null) {
                missing.add(label.get("file").asText());
                continue;
            }
            boolean okStart = sameTime(text(label, "start", null), text(incident, "start", null));
            boolean okEnd = sameTime(text(label, "end", null), text(incident, "end", null));
            Double dl = number(label, "duration_minutes");
            Double dp = number(incident, "durationMinutes");
            boolean okDuration = (dl == null && dp == null) || (dl != null && dp != null && Math.abs(dl - dp) <= 1);
            Double il = number(label, "impact_percent");
            Double ip = number(incident, "impactPercent");
            boolean okImpact = (il == null && ip == null) || (il != null && ip != null && Math.abs(il - ip) < 0.5);
            List<String> causes = strings(incident.get("causes"));
            Set<String> must = new LinkedHashSet<>(strings(label.get("causes_must")));
            Set<String> ok = new LinkedHashSet<>(must);
            ok.addAll(strings(label.get("causes_ok")));
            Set<String> found = new LinkedHashSet<>(causes);
            int missed = 0;
            for (String m : must) {
                if (found.contains(m)) tp++;
                else missed++;
            }
            int extra = 0;
            for (String c : found) {
                if (!ok.contains(c)) extra++;
            }
            fn += missed;
            fp += extra;
            boolean okPrimary = !causes.isEmpty() && ok.contains(causes.getFirst());
            add(correct, Field.START, okStart);
            add(correct, Field.END, okEnd);
            add(correct, Field.DURATION, okDuration);
            add(correct, Field.IMPACT, okImpact);
            add(correct, Field.PRIMARY, okPrimary);
            if (!(okStart && okEnd && okDuration && okImpact) || missed > 0 || extra > 0) {
                rows.add(label.get("file").asText() + ": start " + py(incident.get("start")) + " (want "
                        + py(label.get("start")) + "), end " + py(incident.get("end")) + " (want " + py(label.get("end"))
                        + "), dur " + py(incident.get("durationMinutes")) + " (want " + py(label.get("duration_minutes"))
                        + "), impact " + py(incident.get("impactPercent")) + " (want " + py(label.get("impact_percent"))
                        + "), causes " + pyList(causes) + " (must " + pyList(new ArrayList<>(new TreeSet<>(must))) + ")");
            }
        }
        return new LabelScore(labels.size(), labels.size() - missing.size(), correct, tp, fn, fp, List.copyOf(rows),
                List.copyOf(missing));
    }

    /** Share of all labels (matched or not) whose field is right, 0–100. */
    public double percent(Field field) {
        return labeled == 0 ? 0 : 100.0 * correct.get(field) / labeled;
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
    }

    public double recall() {
        return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** A figure as the script prints it: percentages to the unit, cause figures to two decimals. */
    public static double rounded(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** The script's last line. */
    public String summary() {
        return "labeled " + labeled + ", matched " + matched + "; start " + pct(Field.START) + "%, end " + pct(Field.END)
                + "%, duration " + pct(Field.DURATION) + "%, impact " + pct(Field.IMPACT) + "%, primary "
                + pct(Field.PRIMARY) + "%, causes P " + fixed(precision(), 2) + " R " + fixed(recall(), 2) + " F1 "
                + fixed(f1(), 2);
    }

    /** Everything the script prints: a line per postmortem with a wrong fact, the unmatched labels, the summary. */
    public String report() {
        StringBuilder b = new StringBuilder();
        for (String row : wrongLines) b.append(row).append('\n');
        if (!missing.isEmpty()) b.append("no incident for: ").append(String.join(", ", missing)).append('\n');
        return b.append(summary()).append('\n').toString();
    }

    private String pct(Field field) {
        return fixed(percent(field), 0);
    }

    /** Python's {@code f"{x:.Nf}"}: the exact binary value rounded half to even. */
    private static String fixed(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static void add(Map<Field, Integer> correct, Field field, boolean ok) {
        if (ok) correct.merge(field, 1, Integer::sum);
    }

    /** {@code alx/003.md} → {@code 003}: the file name without a .txt, .md or .markdown extension. */
    static String key(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1).replaceFirst("\\.(txt|md|markdown)$", "");
    }

    private static boolean sameTime(String a, String b) {
        return java.util.Objects.equals(normalized(a), normalized(b));
    }

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "+00:00").optionalEnd()
            .toFormatter();

    /**
     * The script's {@code norm_time}: an instant to the minute in UTC, a local date-time to the minute (a bare date
     * is its midnight), or the text itself when it is no ISO-8601 time; null for no time.
     */
    static String normalized(String time) {
        if (time == null || time.isEmpty()) return null;
        String s = time.strip().replace("Z", "+00:00");
        try {
            var parsed = DATE_TIME.parseBest(s.replace(' ', 'T'), OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return "abs " + odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
            }
            return "local " + ((LocalDateTime) parsed).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException notADateTime) {
            try {
                return "local " + LocalDate.parse(s).atStartOfDay();
            } catch (DateTimeParseException notADate) {
                return "bad " + s;
            }
        }
    }

    private static String text(JsonNode node, String field, String absent) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? absent : v.asText();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode v : array) out.add(v.asText());
        }
        return out;
    }

    /** A JSON value as Python prints it in an f-string. */
    private static String py(JsonNode v) {
        if (v == null || v.isNull()) return "None";
        if (v.isIntegralNumber()) return v.asText();
        if (v.isNumber()) return Double.toString(v.asDouble());
        return v.asText();
    }

    private static String pyList(List<String> items) {
        List<String> quoted = new ArrayList<>();
        for (String s : items) quoted.add("'" + s + "'");
        return "[" + String.join(", ", quoted) + "]";
    }
}
