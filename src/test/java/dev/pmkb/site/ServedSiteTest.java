package dev.pmkb.site;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code pmkb serve} does between two bakes: an edited postmortem's page first, then the full rebake, which
 * reads and understands only the files that changed. Driven step by step on the test's thread, so nothing here
 * waits for a clock.
 */
class ServedSiteTest {

    private static final String LIBRARY = """
            -- content/2024/a.md --
            ---
            title: Checkout pool exhausted
            date: 2024-03-03
            ---
            # Checkout pool exhausted

            ## Root Cause
            The database connection pool of the checkout service was exhausted.
            -- content/2024/b.md --
            # Search index corrupted

            On May 5, 2024 the search index was corrupted by a failed merge.
            -- content/2023/c.md --
            # DNS records expired

            On June 6, 2023 the DNS records of the API expired.
            """;

    /** Collects what the site reports, as the serve command would print it. */
    private static final class Recorder implements ServedSite.Events {
        final List<BakeReport> reports = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        @Override
        public void baked(BakeReport report, Duration took) {
            reports.add(report);
        }

        @Override
        public void bakeFailed(String message) {
            failures.add(message);
        }

        @Override
        public void updated(ServedSite.Update update) {
        }
    }

    private static ServedSite served(Path root, Recorder recorder) throws IOException {
        ServedSite site = new ServedSite(SiteConfig.load(root, SiteConfig.Overrides.NONE), recorder);
        assertTrue(site.bake(), () -> "the first bake failed: " + recorder.failures);
        return site;
    }

    private static String read(Path root, String path) {
        try {
            return Files.readString(root.resolve("output").resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path root, String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    @Test
    void anEditShowsOnItsPageAtOnceThenInTheListsAndOnlyThatFileIsReadAgain(@TempDir Path root) throws Exception {
        SiteFixture.write(root, LIBRARY);
        Recorder recorder = new Recorder();
        ServedSite site = served(root, recorder);
        assertEquals(3, site.understoodFiles());

        Path a = root.resolve("content/2024/a.md");
        Files.writeString(a, Files.readString(a).replace("Checkout pool exhausted", "Checkout pool drained"));
        ServedSite.Update update = site.changed(List.of(a));

        assertEquals(List.of("2024/a.md"), update.changed());
        assertEquals(List.of("incidents/2024-a.html"), update.pages());
        assertTrue(read(root, "incidents/2024-a.html").contains("Checkout pool drained"));
        for (String list : List.of("archive.html", "index.html", "feed.xml")) {
            String text = read(root, list);
            assertTrue(text.contains("Checkout pool drained") && !text.contains("Checkout pool exhausted"),
                    list + " shows the edit before the rebake");
            assertTrue(update.lists().contains(list), list);
        }
        assertFalse(update.lists().contains("search.html"), "the search page waits for the rebake's export");
        assertTrue(read(root, "incidents.json").contains("Checkout pool exhausted"), "data files wait for the rebake");
        Map<String, String> quickLists = new java.util.TreeMap<>();
        for (String list : update.lists()) quickLists.put(list, read(root, list));
        assertTrue(site.rebakePending());
        assertEquals(4, site.understoodFiles(), "only the edited file is understood again");
        String quickPage = read(root, "incidents/2024-a.html");

        assertTrue(site.bake());
        assertFalse(site.rebakePending());
        for (String list : List.of("archive.html", "index.html", "incidents.json", "feed.xml")) {
            String text = read(root, list);
            assertTrue(text.contains("Checkout pool drained") && !text.contains("Checkout pool exhausted"), list);
        }
        assertEquals(4, site.understoodFiles(), "the rebake reuses every postmortem it knows");
        assertEquals(quickPage, read(root, "incidents/2024-a.html"), "the quick page is the page a bake writes");
        for (String list : quickLists.keySet()) {
            assertEquals(quickLists.get(list), read(root, list), list + ": the quick list is the one a bake writes");
        }
        assertEquals(3, recorder.reports.getLast().incidents());
    }

    @Test
    void aDeletedPostmortemLeavesWithTheRebakeAndANewOneGetsItsPageAtOnce(@TempDir Path root) throws Exception {
        SiteFixture.write(root, LIBRARY);
        ServedSite site = served(root, new Recorder());

        Files.delete(root.resolve("content/2024/b.md"));
        write(root, "content/2022/d.md", "# Certificate expired\n\nOn July 7, 2022 the API certificate expired.\n");
        ServedSite.Update update = site.changed(List.of(root.resolve("content/2024/b.md"), root.resolve("content/2022")));

        assertEquals(List.of("2024/b.md"), update.removed());
        assertEquals(List.of("2022/d.md"), update.changed());
        assertEquals(List.of("incidents/2022-d.html"), update.pages());
        assertTrue(read(root, "incidents/2022-d.html").contains("Certificate expired"));
        // its neighbour in time is already linked from the new page
        assertTrue(read(root, "incidents/2022-d.html").contains("2023-c.html"));
        assertFalse(read(root, "archive.html").contains("Search index corrupted"), "the lists at once too");
        assertTrue(read(root, "archive.html").contains("Certificate expired"));

        assertTrue(site.bake());
        assertFalse(Files.exists(root.resolve("output/incidents/2024-b.html")));
        assertFalse(read(root, "archive.html").contains("Search index corrupted"));
        assertTrue(read(root, "archive.html").contains("Certificate expired"));
        assertEquals(4, site.understoodFiles());
    }

    @Test
    void aBrokenEditIsReportedByLineAndThePreviousVersionStays(@TempDir Path root) throws Exception {
        SiteFixture.write(root, LIBRARY);
        Recorder recorder = new Recorder();
        ServedSite site = served(root, recorder);

        Path a = root.resolve("content/2024/a.md");
        Files.writeString(a, Files.readString(a).replace("date: 2024-03-03", "date: 2024-03-3x")
                .replace("# Checkout pool exhausted", "# Half-typed heading"));
        ServedSite.Update update = site.changed(List.of(a));

        assertEquals(List.of("2024/a.md"), update.kept());
        assertEquals(List.of(), update.pages());
        Diagnostic error = update.errors().getFirst();
        assertEquals("2024/a.md", error.source());
        assertTrue(error.line() > 0, "the error names its line: " + error);
        assertTrue(error.message().startsWith("invalid date \"2024-03-3x\""), error.message());

        assertTrue(site.bake());
        assertTrue(read(root, "incidents/2024-a.html").contains("Checkout pool exhausted"));
        assertFalse(read(root, "archive.html").contains("Half-typed heading"));
        assertTrue(recorder.reports.getLast().diagnostics().contains(error), "the rebake reports it too");

        Files.writeString(a, "");
        assertEquals(List.of("2024/a.md"), site.changed(List.of(a)).kept(), "an emptied file is a broken edit too");
        assertTrue(site.bake());
        assertTrue(read(root, "incidents/2024-a.html").contains("Checkout pool exhausted"));

        Files.writeString(a, "# Checkout pool fixed\n\nOn March 3, 2024 the pool was resized.\n");
        update = site.changed(List.of(a));
        assertEquals(List.of(), update.kept());
        assertEquals(List.of("incidents/2024-a.html"), update.pages());
        assertTrue(read(root, "incidents/2024-a.html").contains("Checkout pool fixed"));
    }

    @Test
    void anErrorTheFileAlreadyHadDoesNotHoldBackItsEdits(@TempDir Path root) throws Exception {
        SiteFixture.write(root, LIBRARY + """
                -- content/2021/e.md --
                title=Old header
                this line has no equals sign
                ~~~~~~
                # Old header

                On August 8, 2021 the queue stalled.
                """);
        ServedSite site = served(root, new Recorder());
        Path e = root.resolve("content/2021/e.md");
        Files.writeString(e, Files.readString(e).replace("title=Old header", "title=New header"));
        ServedSite.Update update = site.changed(List.of(e));
        assertEquals(List.of(), update.kept());
        assertEquals(List.of("incidents/2021-e.html"), update.pages());
        assertTrue(read(root, "incidents/2021-e.html").contains("New header"));
    }

    @Test
    void anEditDuringARebakeStaysOnItsPageAndAnotherRebakeFollows(@TempDir Path root) throws Exception {
        SiteFixture.write(root, LIBRARY);
        ServedSite site = served(root, new Recorder());
        Path a = root.resolve("content/2024/a.md");
        List<ServedSite.Update> during = new ArrayList<>();
        site.onStage(stage -> {
            if (!stage.equals("render") || !during.isEmpty()) return;
            try {
                Files.writeString(a, Files.readString(a).replace("Checkout pool exhausted", "Checkout pool edited"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            during.add(site.changed(List.of(a)));
        });

        assertTrue(site.bake());
        assertEquals(List.of("incidents/2024-a.html"), during.getFirst().pages());
        // This rebake read a.md before the edit: its own page for it would have been the old one.
        assertTrue(read(root, "incidents/2024-a.html").contains("Checkout pool edited"));
        assertTrue(read(root, "archive.html").contains("Checkout pool edited"), "and so do the lists");
        assertTrue(site.rebakePending());

        assertTrue(site.bake());
        assertTrue(read(root, "archive.html").contains("Checkout pool edited"));
        assertTrue(read(root, "incidents/2024-a.html").contains("Checkout pool edited"));
    }

    @Test
    void aTemplateChangeRebakesEveryPageAndLaterEditsUseIt(@TempDir Path root) throws Exception {
        SiteFixture.write(root, LIBRARY);
        Path templates = root.resolve("templates");
        try (Stream<Path> bundled = Files.list(Path.of("templates"))) {
            Files.createDirectories(templates);
            for (Path t : bundled.toList()) Files.copy(t, templates.resolve(t.getFileName()));
        }
        ServedSite site = served(root, new Recorder());
        Path incident = templates.resolve("incident.ftlh");
        Files.writeString(incident, Files.readString(incident).replaceFirst("<article", "<!-- changed template --><article"));
        assertTrue(Files.readString(incident).contains("changed template"), "the template has an <article>");

        ServedSite.Update update = site.changed(List.of(incident));
        assertEquals(List.of(), update.pages(), "a template change is the full rebake's");
        assertTrue(site.bake());
        assertTrue(read(root, "incidents/2023-c.html").contains("changed template"));

        Path a = root.resolve("content/2024/a.md");
        Files.writeString(a, Files.readString(a).replace("Checkout pool exhausted", "Checkout pool drained"));
        Files.writeString(incident, Files.readString(incident).replace("changed template", "changed again"));
        site.changed(List.of(incident));
        site.bake();
        Files.writeString(a, Files.readString(a).replace("Checkout pool drained", "Checkout pool emptied"));
        assertEquals(List.of("incidents/2024-a.html"), site.changed(List.of(a)).pages());
        assertTrue(read(root, "incidents/2024-a.html").contains("changed again"));
    }

    @Test
    void aChangedTaxonomyMakesTheRebakeReadEveryPostmortemAgain(@TempDir Path root) throws Exception {
        SiteFixture.write(root, LIBRARY);
        ServedSite site = served(root, new Recorder());
        write(root, "content/2024/b.md", "# Search index corrupted again\n\nOn May 5, 2024 the index broke.\n");
        site.changed(List.of(root.resolve("content/2024/b.md")));
        assertTrue(site.bake());
        assertEquals(4, site.understoodFiles());

        write(root, "taxonomy.yml", """
                causes:
                  - slug: checkout-trouble
                    name: Checkout trouble
                    phrases: [checkout service]
                """);
        assertTrue(site.bake());
        assertEquals(7, site.understoodFiles());
    }

    @Test
    void servedWithDraftsTheDraftsArePublishedMarkedAsDraftsAndPmkbBakeLeavesThemOut(@TempDir Path root)
            throws Exception {
        SiteFixture fixture = SiteFixture.write(root, LIBRARY + """
                -- content/2024/d.md --
                ---
                status: draft
                ---
                # Cache stampede after deploy

                On July 7, 2024 the cache was emptied by a deploy.
                """);
        Recorder recorder = new Recorder();
        try (ServedSite site = new ServedSite(SiteConfig.load(root, SiteConfig.Overrides.NONE).withDrafts(true),
                recorder)) {
            assertTrue(site.bake(), () -> "the first bake failed: " + recorder.failures);
            assertEquals(1, recorder.reports.getLast().drafts());
            assertEquals(4, recorder.reports.getLast().incidents(), "the draft is on the preview");
            String page = read(root, "incidents/2024-d.html");
            assertTrue(page.contains("class=\"draft-badge\">Draft"), "marked as a draft on its page");
            assertFalse(read(root, "incidents/2024-b.html").contains("draft-badge"), "and only the draft");
            assertTrue(read(root, "archive.html").matches("(?s).*Cache stampede after deploy</a> <span "
                    + "class=\"draft-badge\">Draft</span>.*"), "and in the lists");

            Path d = root.resolve("content/2024/d.md");
            Files.writeString(d, Files.readString(d).replace("Cache stampede", "Cache storm"));
            assertEquals(List.of("incidents/2024-d.html"), site.changed(List.of(d)).pages(),
                    "an edited draft's page is updated at once too");
            assertTrue(read(root, "incidents/2024-d.html").contains("Cache storm after deploy"));
        }
        BakeReport baked = fixture.bake().report();
        assertEquals(3, baked.incidents());
        assertEquals(1, baked.drafts());
        assertFalse(Files.exists(root.resolve("output/incidents/2024-d.html")), "pmkb bake publishes no draft");
        assertFalse(read(root, "archive.html").contains("Cache storm"));
    }
}
