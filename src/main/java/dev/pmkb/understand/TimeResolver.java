package dev.pmkb.understand;

import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.IncidentTime.ZoneResolution;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Turns a {@link WrittenTime} into an {@link IncidentTime}: validates the date, fills what the author left
 * to context (the year, the date, the zone of the summary) and resolves the zone to an offset.
 */
final class TimeResolver {

    /** What a time inherits when the author did not repeat it. */
    record Context(LocalDate date, Integer year, String zone) {
        static final Context NONE = new Context(null, null, null);

        static Context of(IncidentTime t, Context fallback) {
            if (t == null) return fallback;
            LocalDate d = t.date() != null ? t.date() : fallback.date();
            return new Context(d, d != null ? Integer.valueOf(d.getYear()) : fallback.year(),
                    t.zone() != null ? t.zone() : fallback.zone());
        }
    }

    private final ZoneRules zones;
    private final Findings findings;

    TimeResolver(ZoneRules zones, Findings findings) {
        this.zones = zones;
        this.findings = findings;
    }

    ZoneRules zones() {
        return zones;
    }

    /** The written date, if it is a real calendar date; garbled ones ("Febtember 45") give null. */
    static LocalDate dateOf(WrittenTime.WrittenDate d, Integer fallbackYear) {
        if (d == null) return null;
        Integer year = d.year() != null ? d.year() : fallbackYear;
        if (year == null || year < 1970 || year > 2200) return null;
        try {
            return LocalDate.of(year, d.month(), d.day());
        } catch (DateTimeException e) {
            return null;
        }
    }

    IncidentTime resolve(WrittenTime w, Context context, int bodyLine) {
        LocalDate date = w.date() != null ? dateOf(w.date(), context.year()) : context.date();
        if (w.date() != null && date == null && w.date().year() != null) {
            findings.warnAtBody(bodyLine, "not a valid date: \"" + w.written() + "\"");
        }
        String zone = w.zone() != null ? w.zone() : context.zone();
        ZoneRules.Resolved r = zones.resolve(zone, date, w.time());
        if (r.note() != null && w.zone() != null) findings.warnAtBody(bodyLine, r.note());
        ZoneResolution how = zone == null ? ZoneResolution.MISSING : r.resolution();
        return new IncidentTime(w.written(), date, w.time(), zone == null ? null : zone.strip(), r.offset(), how);
    }
}
