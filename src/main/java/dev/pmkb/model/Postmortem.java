package dev.pmkb.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One incident of the library: where it came from, how it is called, when it happened and its facts.
 *
 * @param id          stable identifier derived from the source path ({@code 2023/db-pool}); also its URL stem
 * @param source      path of the Markdown file relative to the content folder
 * @param title       what lists and the page call it: the author's title when it names the incident, else one
 *                    composed from the facts ({@code titleComposed}); told apart by date where titles repeat
 * @param date        the incident date used for ordering and the archive, or null when none could be found
 * @param dateOrigin  where {@code date} came from
 * @param draft       true when the header says {@code status=draft}: not published
 * @param facts       what pmkb read out of the text (overridden by the header where it says so)
 * @param markdown    the body without header
 * @param body        the body parsed once into HTML (not yet sanitised) and plain text, for the stages after this one
 * @param diagnostics problems found while reading and understanding this postmortem
 * @param keywords    the author's own tags that name no root cause ({@code tags=kafka, consumer lag}), as written
 * @param titleComposed true when pmkb composed {@code title} because the author's names no incident
 * @param authorTitle the title or heading the author gave, as written; null when there is none
 * @param credits     author, organisation, severity and original URL from the header
 */
public record Postmortem(String id, String source, String title, LocalDate date, DateOrigin dateOrigin,
                         boolean draft, Facts facts, String markdown, ParsedBody body,
                         List<Diagnostic> diagnostics, List<String> keywords, boolean titleComposed,
                         String authorTitle, Credits credits) {

    public enum DateOrigin { HEADER, TEXT, FILE_NAME, NONE }

    public Postmortem {
        diagnostics = List.copyOf(diagnostics);
        keywords = List.copyOf(keywords);
        if (credits == null) credits = Credits.NONE;
    }

    /** An incident whose header credits no one. */
    public Postmortem(String id, String source, String title, LocalDate date, DateOrigin dateOrigin, boolean draft,
                      Facts facts, String markdown, ParsedBody body, List<Diagnostic> diagnostics,
                      List<String> keywords, boolean titleComposed, String authorTitle) {
        this(id, source, title, date, dateOrigin, draft, facts, markdown, body, diagnostics, keywords, titleComposed,
                authorTitle, Credits.NONE);
    }

    /** An incident without keywords, whose title is the author's. */
    public Postmortem(String id, String source, String title, LocalDate date, DateOrigin dateOrigin, boolean draft,
                      Facts facts, String markdown, ParsedBody body, List<Diagnostic> diagnostics) {
        this(id, source, title, date, dateOrigin, draft, facts, markdown, body, diagnostics, List.of(), false, title);
    }

    /** The same incident listed under another title. */
    public Postmortem withTitle(String newTitle) {
        return new Postmortem(id, source, newTitle, date, dateOrigin, draft, facts, markdown, body, diagnostics,
                keywords, titleComposed, authorTitle, credits);
    }

    /** Where the incident's page lives, relative to the site root. Every incident page sits one level deep. */
    public String url() {
        return "incidents/" + id.replace('/', '-') + ".html";
    }
}
