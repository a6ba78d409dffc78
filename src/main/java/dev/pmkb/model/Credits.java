package dev.pmkb.model;

import java.util.List;

/**
 * Who wrote a postmortem, for whom, and where it was first published, as its header says; every part may be
 * missing (null or empty), since most write-ups state none of it.
 *
 * @param sourceUrl    the original write-up's absolute http(s) URL ({@code source_url}, {@code url})
 * @param authors      who wrote it ({@code authors}, {@code author}), as written
 * @param organisation the company or team it happened to ({@code company}, {@code organization},
 *                     {@code organisation}), as written
 * @param severity     the severity the author gave ({@code severity}: {@code SEV-2}, {@code major}), as written
 */
public record Credits(String sourceUrl, List<String> authors, String organisation, String severity) {

    public static final Credits NONE = new Credits(null, List.of(), null, null);

    public Credits {
        authors = List.copyOf(authors);
    }
}
