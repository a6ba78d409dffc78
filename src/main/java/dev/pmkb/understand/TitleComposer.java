package dev.pmkb.understand;

import dev.pmkb.model.CauseTag;
import dev.pmkb.model.Facts;
import dev.pmkb.model.Taxonomy;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A title for an incident whose author gave none a reader can tell apart ("Postmortem", "0x19. Postmortem",
 * a word count): composed from the facts, e.g. "Nginx outage: configuration error (May 2023)".
 */
final class TitleComposer {

    /** The title to list an incident under, whether pmkb composed it, and the author's own. */
    record Chosen(String title, boolean composed, String authorTitle) {
    }

    private TitleComposer() {
    }

    /**
     * The author's title when it names the incident, else one composed from {@code facts} and {@code date}. A title
     * the header states is the author's on purpose: only a generic one ("Postmortem") is replaced.
     */
    static Chosen choose(String authorTitle, boolean fromHeader, Facts facts, LocalDate date, Taxonomy taxonomy) {
        String shown = fromHeader || TitleFinder.isTitle(authorTitle) ? authorTitle : null;
        if (fromHeader ? !TitleFinder.isGeneric(authorTitle) : TitleFinder.isInformative(authorTitle)) {
            return new Chosen(authorTitle, false, authorTitle);
        }
        return new Chosen(compose(facts, date, taxonomy), true, shown);
    }

    static String compose(Facts facts, LocalDate date, Taxonomy taxonomy) {
        StringBuilder b = new StringBuilder();
        String subject = facts.components().isEmpty() ? "Service" : facts.components().getFirst();
        b.append(Character.toUpperCase(subject.charAt(0))).append(subject, 1, subject.length()).append(' ')
                .append(kind(facts));
        String primary = facts.causes() == null ? null : facts.causes().primary();
        if (primary != null && !primary.equals(CauseClassifier.UNKNOWN)) {
            String cause = causeWords(taxonomy.cause(primary).map(CauseTag::name).orElse(primary));
            // "DNS outage: DNS", "Service security incident: security" say it twice.
            if (!b.toString().toLowerCase(Locale.ROOT).contains(cause.toLowerCase(Locale.ROOT))) b.append(": ").append(cause);
        }
        if (date != null) {
            b.append(" (").append(date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append(' ')
                    .append(date.getYear()).append(')');
        }
        return b.toString();
    }

    /** "Capacity / resource exhaustion" → "capacity"; acronyms keep their case ("DNS"). */
    private static String causeWords(String name) {
        String first = name.split(" / ")[0].strip();
        StringBuilder b = new StringBuilder();
        for (String w : first.split(" ")) {
            if (b.length() > 0) b.append(' ');
            b.append(w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT)) ? w : w.toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    /** What users saw, in a word or two: the first impact category the text states. */
    private static String kind(Facts facts) {
        for (String c : facts.impactCategories()) {
            switch (c) {
                case "full-outage" -> {
                    return "outage";
                }
                case "partial-outage" -> {
                    return "partial outage";
                }
                case "degraded-performance", "increased-latency" -> {
                    return "slowdown";
                }
                case "increased-errors" -> {
                    return "errors";
                }
                case "security" -> {
                    return "security incident";
                }
                default -> {
                    // not a kind a title names
                }
            }
        }
        return "incident";
    }
}
