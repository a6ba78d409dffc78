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

    /**
     * One incident in a list: enough to choose which one to read.
     *
     * @param summary      one sentence of plain text saying what happened (or why), or null when the write-up has none
     * @param organisation the company it happened to, linked when organisations have pages; null when not stated
     */
    public record IncidentCard(String url, String title, String date, String isoDate, String duration,
                               String impact, List<Chip> causes, boolean causesInferred, boolean draft,
                               String summary, Chip organisation) {
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
     * A year of the archive and its incidents, newest first.
     *
     * @param key the year as filters and anchors name it ({@code 2024}, {@code undated})
     */
    public record YearGroup(String year, String key, List<ArchiveRow> rows) {
    }

    /**
     * One incident as a row of the archive's table. The sort and filter values are plain text for data attributes:
     * numbers as digits ({@code minutes}, {@code share}: empty when unknown), slugs separated by spaces.
     */
    public record ArchiveRow(IncidentCard incident, String minutes, String share, String year, String causes,
                             String components, String organisation) {
    }

    /** One way to narrow the archive (cause, year, component, organisation) and its values with their counts. */
    public record Filter(String name, String label, List<FilterOption> options) {
    }

    public record FilterOption(String value, String label, int count) {
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

    /**
     * One Atom entry; {@code url} is absolute when the site's base URL is known. Its authors are the postmortem's
     * (none: the feed's own author, the library, stands for them) and its categories the names of its root causes.
     */
    public record FeedEntry(String id, String url, String title, String updated, String summary, List<String> authors,
                            List<String> categories) {
    }

    /**
     * Where an incident's write-up comes from and whom it credits; each part null (or empty) when unknown.
     *
     * @param file         the Markdown file, relative to the content folder
     * @param viewUrl      the file in its repository ({@code pmkb.source.base})
     * @param editUrl      the repository's form that edits the file, when the source base is a GitHub or GitLab blob URL
     * @param originalUrl  where the write-up was first published (header {@code source_url} or {@code url})
     * @param originalHost that URL's host, as the link's text
     * @param organisation the company the incident happened to, linked to its page when the site has one
     */
    public record SourceCredits(String file, String viewUrl, String editUrl, String originalUrl, String originalHost,
                                List<String> authors, Chip organisation, String severity) {
    }
}
