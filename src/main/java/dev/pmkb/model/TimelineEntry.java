package dev.pmkb.model;

/**
 * One line of the incident timeline.
 *
 * @param time the resolved time (date and zone inherited from the summary), or null when the entry has none
 * @param line 1-based line in the source file, 0 when unknown
 */
public record TimelineEntry(IncidentTime time, String text, Kind kind, int line) {

    public enum Kind { DETECTION, ACTION, MISLEADING, ESCALATION, RESOLUTION }
}
