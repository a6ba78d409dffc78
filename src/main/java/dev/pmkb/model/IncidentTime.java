package dev.pmkb.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A point in time as an author wrote it, and what pmkb could resolve of it.
 *
 * @param written    the text as written, e.g. {@code May 11, 2023, 9:00 AM (WAT)}
 * @param date       the calendar date, or null when neither written nor inherited
 * @param time       the wall-clock time, or null when only a date was written
 * @param zone       the zone as written ({@code WAT}, {@code GMT+1}, {@code Africa/Lagos}), or null
 * @param offset     the UTC offset at that date, or null when the zone did not resolve
 * @param resolution how {@code offset} was obtained
 */
public record IncidentTime(String written, LocalDate date, LocalTime time, String zone, ZoneOffset offset,
                           ZoneResolution resolution) {

    public enum ZoneResolution {
        /** The zone was written (or inherited from the summary) and means one offset. */
        EXPLICIT,
        /** The zone was ambiguous (IST, CST, BST, AST) and the library's configured default was used. */
        DEFAULT,
        /** A zone was written but pmkb does not know it: kept as written, never taken as UTC. */
        UNKNOWN,
        /** No zone was written anywhere. */
        MISSING
    }

    /** The exact instant, when date, time and offset are all known. */
    public Optional<OffsetDateTime> instant() {
        return date != null && time != null && offset != null
                ? Optional.of(OffsetDateTime.of(date, time, offset)) : Optional.empty();
    }

    /** The local date-time without offset, when date and time are known. */
    public Optional<LocalDateTime> local() {
        return date != null && time != null ? Optional.of(LocalDateTime.of(date, time)) : Optional.empty();
    }

    /**
     * ISO-8601: with offset when the zone resolved, a local date-time when it did not, a bare date when only
     * the date is known, null when nothing is.
     */
    public String iso() {
        if (instant().isPresent()) return instant().get().toString();
        if (local().isPresent()) return local().get().toString();
        return date != null ? date.toString() : null;
    }
}
