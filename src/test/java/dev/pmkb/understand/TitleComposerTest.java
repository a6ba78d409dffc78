package dev.pmkb.understand;

import dev.pmkb.model.Postmortem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A title a reader can tell apart in a list, for every incident. */
class TitleComposerTest {

    @Test
    void anUninformativeTitleIsComposedFromTheFacts() {
        Postmortem p = Docs.understand("""
                # Postmortem

                ## Issue Summary

                On May 3, 2023 the checkout site was completely down for all users.

                ## Root cause

                The database connection pool was exhausted: max_connections was too low.
                """);
        assertTrue(p.titleComposed());
        assertEquals("Postmortem", p.authorTitle());
        assertTrue(p.title().startsWith("Database outage: connection pool exhaustion"), p.title());
        assertTrue(p.title().endsWith("(May 2023)"), p.title());
    }

    @Test
    void anInformativeTitleStaysTheAuthors() {
        Postmortem p = Docs.understand("# Checkout down after pool exhaustion\n\n## Root cause\n\nThe pool was exhausted.\n");
        assertFalse(p.titleComposed());
        assertEquals("Checkout down after pool exhaustion", p.title());
    }

    @Test
    void aHeaderTitleIsKeptUnlessItOnlyNamesTheGenre() {
        assertEquals("We lost the queue", Docs.understand("---\ntitle: We lost the queue\n---\nx\n").title(),
                "a header title is kept even where a first line like it would read as prose");
        Postmortem generic = Docs.understand("---\ntitle: Postmortem\n---\n## Root cause\n\nThe disk ran out of space.\n");
        assertTrue(generic.titleComposed());
        assertEquals("Postmortem", generic.authorTitle());
    }

    @Test
    void aLineThatIsNoTitleIsNotShownAsTheAuthors() {
        Postmortem p = Docs.understand("Word Count: 480 words\n\n## Root cause\n\nThe disk ran out of space.\n");
        assertTrue(p.titleComposed());
        assertNull(p.authorTitle());
        assertEquals("Service incident: capacity", p.title());
    }

    @Test
    void sharedTitlesAreToldApartByDateThenByFile() {
        Postmortem a = Docs.understand("incidents/a.md", "---\ntitle: Nginx down\ndate: 2024-05-02\n---\nx\n");
        Postmortem b = Docs.understand("incidents/b.md", "---\ntitle: Nginx down\ndate: 2024-06-09\n---\nx\n");
        Postmortem c = Docs.understand("incidents/c.md", "---\ntitle: nginx down\n---\nx\n");
        Postmortem d = Docs.understand("incidents/d.md", "---\ntitle: Nginx down\n---\nx\n");
        Postmortem e = Docs.understand("incidents/e.md", "---\ntitle: Something else\n---\nx\n");
        List<String> titles = Titles.distinguish(List.of(a, b, c, d, e)).stream().map(Postmortem::title).toList();
        assertEquals(List.of("Nginx down (2 May 2024)", "Nginx down (9 June 2024)", "nginx down (incidents/c.md)",
                "Nginx down (incidents/d.md)", "Something else"), titles);
    }

    @Test
    void aComposedMonthBecomesTheDayWhenTitlesRepeat() {
        Postmortem a = Docs.understand("incidents/a.md", "# Postmortem\n\nOn May 2, 2023 the disk was full.\n");
        Postmortem b = Docs.understand("incidents/b.md", "# Postmortem\n\nOn May 9, 2023 the disk was full.\n");
        assertEquals(a.title(), b.title());
        List<String> titles = Titles.distinguish(List.of(a, b)).stream().map(Postmortem::title).toList();
        assertTrue(titles.get(0).endsWith("(2 May 2023)") && !titles.get(0).contains("(May 2023)"), titles.toString());
        assertTrue(titles.get(1).endsWith("(9 May 2023)"), titles.toString());
    }

    /** The corpus check the issue asks for: at most 3% of real postmortems listed under a title that says nothing. */
    @Test
    void fewCorpusIncidentsAreListedUnderAGenericTitleAndNoneShareOne() throws IOException {
        Path corpus = SharedFiles.folder("corpus/alx");
        List<Postmortem> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                all.add(Docs.understand("alx/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        List<String> generic = new ArrayList<>();
        for (Postmortem p : all) {
            if (!TitleFinder.isInformative(p.title())) generic.add(p.source() + ": " + p.title());
        }
        assertTrue(generic.size() <= all.size() * 3 / 100, generic.size() + " of " + all.size() + ": " + generic);
        Map<String, Integer> counts = new HashMap<>();
        for (Postmortem p : Titles.distinguish(all)) counts.merge(p.title().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        assertTrue(counts.values().stream().allMatch(n -> n == 1), counts.toString());
    }
}
