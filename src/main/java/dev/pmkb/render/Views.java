package dev.pmkb.render;

import java.util.List;

/**
 * The small pieces templates show: everything is already formatted text or a URL relative to the site root,
 * and a missing fact is null, so templates only decide layout.
 */
public final class Views {

    private Views() {
    }

    /** A link to a page of the site; {@code url} is relative to the site root. */
    public record Link(String url, String title) {
    }

    /**
     * A colored label for a root cause, impact category or component.
     *
     * @param evidence for a cause read from the text, the sentence it came from; else null
     */
    public record Chip(String slug, String name, String url, String kind, String evidence) {
        public Chip(String slug, String name, String url, String kind) {
            this(slug, name, url, kind, null);
        }
    }

    /** One incident in a list: enough to choose which one to read. */
    public record IncidentCard(String url, String title, String date, String isoDate, String duration,
                               String impact, List<Chip> causes, boolean causesInferred, boolean draft) {
    }

    /** A time as the author wrote it and in UTC. */
    public record TimeView(String local, String utc, String iso, String zoneNote) {
    }

    public record TimelineRow(String time, String relative, String text, String kind, String kindLabel) {
    }

    /** A corrective task; {@code tracked} when it has a status (a check box), else {@code done} is false. */
    public record Task(String text, boolean done, boolean tracked) {
    }

    public record RelatedLink(String url, String title, List<String> reasons) {
    }

    public record Count(String name, String url, int count) {
    }

    /**
     * One chart of the insights page and its numbers: {@code rows} of counts, or {@code durations} for a chart of
     * durations; {@code note} says what the chart leaves out or how to read it, or is null.
     */
    public record Chart(String id, String heading, String svg, String column, List<Count> rows,
                        List<DurationRow> durations, String note) {
    }

    /** Durations of the incidents of one root cause. */
    public record DurationRow(String name, String url, int incidents, String median, long medianMinutes,
                              String shortest, String longest) {
    }

    /** A year of the archive and its incidents, newest first. */
    public record YearGroup(String year, List<IncidentCard> incidents) {
    }

    /** The tasks of one theme that one incident's write-up lists, under the title lists give that incident. */
    public record ActionIncident(String url, String title, String date, List<Task> tasks) {
    }

    /**
     * Tasks of one theme, by incident; {@code open} counts tracked tasks not done, {@code tracked} those with a
     * status, {@code total} all of them, {@code incidents} the incidents they came from.
     */
    public record ActionTheme(String slug, String name, int open, int tracked, int total, int incidents,
                              List<ActionIncident> groups) {
    }

    /** One Atom entry; {@code url} is absolute when the site's base URL is known. */
    public record FeedEntry(String id, String url, String title, String updated, String summary) {
    }
}
