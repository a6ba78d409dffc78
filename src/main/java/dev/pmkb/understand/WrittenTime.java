package dev.pmkb.understand;

import java.time.LocalTime;

/**
 * A date and/or time of day found in text, before zone resolution and inheritance.
 *
 * @param from    offset in the scanned text where it starts
 * @param to      offset where it ends (zone included)
 * @param written the text as written
 * @param date    the date, or null; its year may be missing
 * @param time    the time of day, or null for a bare date
 * @param zone    the zone as written, or null
 * @param dateShared true when the date was written once for several times ("2024-11-12, 22:00 - 01:30"), so a
 *                   later time earlier than the first one is on the next day
 */
record WrittenTime(int from, int to, String written, WrittenDate date, LocalTime time, String zone, boolean dateShared) {

    WrittenTime(int from, int to, String written, WrittenDate date, LocalTime time, String zone) {
        this(from, to, written, date, time, zone, false);
    }

    /** A calendar date that may lack its year ("March 3rd"). Values are validated when resolved. */
    record WrittenDate(Integer year, int month, int day) {
    }

    WrittenTime withZone(String z) {
        return new WrittenTime(from, to, written, date, time, z, dateShared);
    }

    WrittenTime withDate(WrittenDate d) {
        return new WrittenTime(from, to, written, d, time, zone, dateShared);
    }
}
