package dev.pmkb.site;

import static dev.pmkb.testing.FileTrees.deleteTree;
import static dev.pmkb.testing.FileTrees.files;
import static dev.pmkb.testing.FileTrees.markdown;
import static dev.pmkb.testing.FileTrees.stamps;

import dev.pmkb.bench.LibraryGenerator;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.testing.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rebake with the build cache makes the same site as a cold bake, redoing only what changed. */
class BuildCacheTest {

    /** A site project of its own (content copied in), baked with the cache into site/ and cold into cold/. */
    private record Project(Path root) {
        Path content() {
            return root.resolve("content");
        }

        Path cache() {
            return root.resolve(".pmkb/cache");
        }

        BakeReport bake() throws Exception {
            return Bake.run(SiteConfig.load(root, new SiteConfig.Overrides(null, root.resolve("site"), null, false,
                    true, null)));
        }

        BakeReport bakeCold() throws Exception {
            return Bake.run(SiteConfig.load(root, new SiteConfig.Overrides(null, root.resolve("cold"), null, false)));
        }

        /** Bakes with the cache, then cold, and checks that both sites are byte for byte the same. */
        BakeReport rebakeMatchesColdBake() throws Exception {
            BakeReport cached = bake();
            bakeCold();
            assertEquals(files(root.resolve("cold")), files(root.resolve("site")));
            return cached;
        }
    }

    private static Project project(Path tmp, Path content) throws IOException {
        Path root = tmp.resolve("project");
        copy(content, root.resolve("content"));
        return new Project(root);
    }

    /** A project of {@code postmortems} generated ones, from {@code seed}. */
    private static Project generatedProject(Path tmp, int postmortems, long seed) throws IOException {
        Path generated = tmp.resolve("generated");
        LibraryGenerator.generate(postmortems, seed, generated);
        return project(tmp, generated);
    }

    @Test
    void theExampleLibraryRebakesToTheSameBytesWithoutTouchingAFile(@TempDir Path tmp) throws Exception {
        Project p = project(tmp, Shared.exampleLibrary().resolve("content"));
        Files.copy(Shared.exampleLibrary().resolve("jbake.properties"), p.root().resolve("jbake.properties"));
        BakeReport first = p.rebakeMatchesColdBake();
        assertEquals(0, first.cache().understoodKept());
        Map<String, Object> before = stamps(p.root().resolve("site"));

        BakeReport again = p.rebakeMatchesColdBake();
        assertEquals(first.incidents() + first.drafts(), again.cache().understoodKept(), "every postmortem from the cache");
        assertEquals(0, again.cache().understood());
        assertEquals(0, again.cache().pagesRendered(), "no page rendered again");
        assertEquals(List.of(), again.cache().problems());
        assertEquals(before, stamps(p.root().resolve("site")), "every file untouched: same inode and time");
        assertEquals(first.diagnostics(), again.diagnostics(), "the same problems reported, from the cache");
    }

    @Test
    void editsAdditionsDeletionsAndATaxonomyChangeRebakeAsColdBakesDo(@TempDir Path tmp) throws Exception {
        Project p = generatedProject(tmp, 60, 11);
        p.rebakeMatchesColdBake();
        List<Path> files = markdown(p.content());

        // an edit: only that file is understood again, only the pages showing it are rendered again
        Path edited = files.get(7);
        Files.writeString(edited, withPrimaryCause(Files.readString(edited).replaceFirst("(?m)^# .*$",
                "# Checkout fell over at noon"), "certificate-expiry"));
        Map<String, Object> before = stamps(p.root().resolve("site"));
        BakeReport afterEdit = p.rebakeMatchesColdBake();
        assertEquals(1, afterEdit.cache().understood());
        assertEquals(59, afterEdit.cache().understoodKept());
        assertTrue(afterEdit.cache().pagesKept() > 0);
        assertTrue(afterEdit.cache().pagesRendered() > 0);
        Map<String, Object> after = stamps(p.root().resolve("site"));
        long untouched = before.entrySet().stream().filter(e -> e.getValue().equals(after.get(e.getKey()))).count();
        assertTrue(untouched > before.size() / 2, untouched + " of " + before.size() + " files untouched");

        // an addition and a deletion
        addNewPostmortem(p);
        Files.delete(files.get(20));
        BakeReport afterAdd = p.rebakeMatchesColdBake();
        assertEquals(1, afterAdd.cache().understood(), "only the new file is understood");

        // a taxonomy change: everything is understood again
        Files.writeString(p.root().resolve("taxonomy.yml"), """
                causes:
                  - slug: consumer-deadlock
                    name: Consumer deadlock
                    definition: A queue consumer stopped making progress.
                    phrases: [consumer deadlocked]
                """);
        BakeReport afterTaxonomy = p.rebakeMatchesColdBake();
        assertEquals(0, afterTaxonomy.cache().understoodKept());
        assertEquals(60, afterTaxonomy.cache().understood());
        assertTrue(Files.readString(p.root().resolve("site/incidents/2024-01-02-new.html")).contains("Consumer deadlock"));
    }

    @Test
    void relatedListsAreReusedUntilAnEditChangesThemAndThenMatchAColdBake(@TempDir Path tmp) throws Exception {
        Project p = generatedProject(tmp, 60, 11);
        p.rebakeMatchesColdBake();
        Path entries = p.cache().resolve("related-1");
        Map<String, Object> kept = stamps(entries);
        assertEquals(1, kept.size(), "one entry: the whole library's lists");
        Path terms = p.cache().resolve("related-terms-1");
        Map<String, Object> keptTerms = stamps(terms);
        List<String> termKeys = new dev.pmkb.cache.EntryStore(terms).keys();
        assertEquals(60, termKeys.size(), "the terms of each incident");

        p.rebakeMatchesColdBake();
        assertEquals(kept, stamps(entries), "nothing changed: the lists are taken, not computed and written again");
        assertEquals(keptTerms, stamps(terms));

        // one write-up now tells the story of another, under its own title and date: the two become related
        List<Path> files = markdown(p.content());
        Path edited = files.get(3);
        Path twin = files.get(40);
        String frontMatter = Files.readString(edited).replaceFirst("(?s)^(---\\n.*?\\n---\\n).*$", "$1");
        String story = Files.readString(twin).replaceFirst("(?s)^---\\n.*?\\n---\\n", "");
        Files.writeString(edited, frontMatter + story);
        // a page is named after its file's path in the content folder: 2019/db-pool.md → incidents/2019-db-pool.html
        Path twinPage = p.root().resolve("site/incidents/" + pageName(p, twin) + ".html");
        String editedName = pageName(p, edited);
        assertFalse(Files.readString(twinPage).contains(editedName), "not related before");
        p.rebakeMatchesColdBake();
        assertTrue(Files.readString(twinPage).contains(editedName), "related after the edit");
        assertNotEquals(kept.keySet(), stamps(entries).keySet(), "the lists of the new inputs are kept");
        // the lists are computed again, but only the edited incident's terms are read again: the others are taken
        Map<String, Object> termsNow = stamps(terms);
        List<String> written = new dev.pmkb.cache.EntryStore(terms).keys().stream()
                .filter(key -> !termKeys.contains(key)).toList();
        assertEquals(1, written.size(), "the edited incident's terms: " + written);
        keptTerms.forEach((file, stamp) -> assertEquals(stamp, termsNow.get(file), file + " untouched"));
    }

    @Test
    void keptTermsThatAreGarbageOrAnotherIncidentsAreReadAgainWithAWarning(@TempDir Path tmp) throws Exception {
        Project p = generatedProject(tmp, 30, 7);
        p.rebakeMatchesColdBake();
        dev.pmkb.cache.EntryStore terms = new dev.pmkb.cache.EntryStore(p.cache().resolve("related-terms-1"));
        List<String> keys = terms.keys();
        // entries whose checksums hold: one of bytes that are no terms, one of another incident's terms
        terms.write(keys.get(0), new byte[]{1, 2, 3});
        terms.write(keys.get(1), terms.read(keys.get(2)).orElseThrow());
        terms.commit();
        deleteTree(p.cache().resolve("related-1")); // so that the lists are computed from the terms again

        BakeReport report = p.rebakeMatchesColdBake();
        List<String> problems = report.cache().problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.contains("damaged, ignored")), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.contains("terms of another incident")), problems.toString());

        deleteTree(p.cache().resolve("related-1"));
        assertEquals(List.of(), p.rebakeMatchesColdBake().cache().problems(), "the entries were written again");
    }


    @Test
    void aKeptIncidentPageIsHashedWithItsBodysKeyAndItsHtmlIsNeverRead(@TempDir Path tmp) throws Exception {
        Project p = generatedProject(tmp, 30, 3);
        p.rebakeMatchesColdBake();
        String questions = SanitizedHtmlCache.questionsKey(p.root().resolve("site"), false);
        assertTrue(SanitizedHtmlCache.store(p.cache()).read(questions).isPresent(),
                "the bodies' questions are noted for the next bake");
        assertEquals(30, htmlEntries(p, questions).size());
        keepOnlyQuestions(p, questions);

        // nothing changed: every page is kept, and no body's HTML was made or read (its entry would be there again)
        BakeReport kept = p.rebakeMatchesColdBake();
        assertEquals(0, kept.cache().pagesRendered());
        assertEquals(List.of(), htmlEntries(p, questions), "no body's HTML made or read");
        assertEquals(List.of(), kept.cache().problems());

        // a new title: that page, its neighbours (their previous and next links) and the lists render again, the
        // neighbours' bodies made afresh as their entries are gone, asking the bake's links nothing twice
        Path edited = null;
        for (Path file : markdown(p.content()).subList(5, 30)) {
            if (Files.readString(file).startsWith("# ")) edited = file; // its title is its heading, not front matter's
        }
        assertNotNull(edited);
        Files.writeString(edited, Files.readString(edited).replaceFirst("^# .*", "# The queue that ate the night"));
        BakeReport cached = p.bake();
        BakeReport cold = p.bakeCold();
        assertEquals(files(p.root().resolve("cold")), files(p.root().resolve("site")));
        assertEquals(cold.diagnostics(), cached.diagnostics());
        assertTrue(cached.cache().pagesRendered() >= 3, cached.cache().pagesRendered() + " pages rendered");
        assertTrue(cached.cache().pagesKept() > 0);
        int made = htmlEntries(p, questions).size();
        assertTrue(made >= 3 && made < 30, made + " bodies' HTML made: the edited one's and its neighbours'");
    }

    @Test
    void aPageOrAttachmentALinkPointsAtComingOrGoingRendersTheLinkingPageAgain(@TempDir Path tmp) throws Exception {
        Project p = generatedProject(tmp, 12, 5);
        Files.writeString(p.content().resolve("2024-03-01-linking.md"), """
                # Linking postmortem

                ## Summary
                On 2024-03-01 the cache tier failed for 40 minutes. See [the earlier one](2024-02-01-target.md),
                [the later one](2024-04-01-later.md) and [the diagram](diagram.png).

                ## Root cause
                A configuration push emptied the cache tier's allow list.
                """);
        Files.writeString(p.content().resolve("2024-02-01-target.md"), """
                # Target postmortem

                ## Summary
                On 2024-02-01 the search tier failed for 20 minutes.

                ## Root cause
                A disk filled up on the search nodes.
                """);
        BakeReport first = p.bake();
        BakeReport firstCold = p.bakeCold();
        assertEquals(files(p.root().resolve("cold")), files(p.root().resolve("site")));
        assertEquals(firstCold.diagnostics(), first.diagnostics());
        String linking = "incidents/2024-03-01-linking.html";
        assertTrue(Files.readString(p.root().resolve("site").resolve(linking)).contains("2024-02-01-target.html"));

        // the linking file is the same, but what it links to is not: its page must not be kept
        Files.delete(p.content().resolve("2024-02-01-target.md"));
        Files.writeString(p.content().resolve("2024-04-01-later.md"), """
                # Later postmortem

                ## Summary
                On 2024-04-01 the mail tier failed for 10 minutes.

                ## Root cause
                A certificate expired on the mail relays.
                """);
        Files.write(p.content().resolve("diagram.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        BakeReport cached = p.bake();
        BakeReport cold = p.bakeCold();
        assertEquals(files(p.root().resolve("cold")), files(p.root().resolve("site")));
        assertEquals(cold.diagnostics(), cached.diagnostics(), "the same broken links and attachments");
        String page = Files.readString(p.root().resolve("site").resolve(linking));
        assertFalse(page.contains("2024-02-01-target.html"), "a link to a page that is gone is text");
        assertTrue(page.contains("2024-04-01-later.html"));
        assertTrue(page.contains("diagram.png") && Files.isRegularFile(p.root().resolve("site/diagram.png")));
        assertTrue(cached.cache().pagesKept() > 0);

        // and back: the attachment goes, and the page is rendered again once more
        Files.delete(p.content().resolve("diagram.png"));
        BakeReport after = p.bake();
        BakeReport afterCold = p.bakeCold();
        assertEquals(files(p.root().resolve("cold")), files(p.root().resolve("site")));
        assertEquals(afterCold.diagnostics(), after.diagnostics());
        assertFalse(Files.exists(p.root().resolve("site/diagram.png")));
    }

    /** The keys of the html cache's entries of single bodies: every key of its store but the noted questions. */
    private static List<String> htmlEntries(Project p, String questions) {
        return SanitizedHtmlCache.store(p.cache()).keys().stream().filter(k -> !k.equals(questions)).toList();
    }

    /** The html cache with its noted questions only, every body's entry gone. */
    private static void keepOnlyQuestions(Project p, String questions) throws IOException {
        byte[] noted = SanitizedHtmlCache.store(p.cache()).read(questions).orElseThrow();
        deleteTree(SanitizedHtmlCache.store(p.cache()).folder());
        dev.pmkb.cache.EntryStore store = SanitizedHtmlCache.store(p.cache());
        store.write(questions, noted);
        store.commit();
    }

    @Test
    void aTemplateChangeRendersEveryPageThatUsesIt(@TempDir Path tmp) throws Exception {
        Project p = project(tmp, Shared.exampleLibrary().resolve("content"));
        p.rebakeMatchesColdBake();
        copy(Path.of("templates"), p.root().resolve("templates"));
        Path template = p.root().resolve("templates/incident.ftlh");
        Files.writeString(template, Files.readString(template) + "<!-- changed -->\n");
        BakeReport report = p.rebakeMatchesColdBake();
        String page = Files.readString(p.root().resolve("site").resolve(firstIncident(p)));
        assertTrue(page.contains("<!-- changed -->"));
        assertEquals(0, report.cache().pagesKept());
    }

    @Test
    void aDamagedCacheIsIgnoredWithAWarningNeverAFailedBake(@TempDir Path tmp) throws Exception {
        Project p = project(tmp, Shared.exampleLibrary().resolve("content"));
        p.rebakeMatchesColdBake();
        try (Stream<Path> entries = Files.walk(p.cache())) {
            for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(entry);
                bytes[bytes.length / 2] ^= 0x55; // an entry
                bytes[bytes.length - 10] ^= 0x55; // the end of the pack, which says where its index is
                Files.write(entry, bytes);
            }
        }
        BakeReport report = p.rebakeMatchesColdBake();
        assertEquals(0, report.cache().understoodKept());
        assertFalse(report.cache().problems().isEmpty());
        assertTrue(report.cache().problems().stream().allMatch(m -> m.contains("damaged") || m.matches("and \\d+ more like these")),
                report.cache().problems().toString());
        BakeReport healed = p.rebakeMatchesColdBake();
        assertEquals(List.of(), healed.cache().problems(), "damaged entries were replaced");
        assertEquals(0, healed.cache().understood());
    }

    @Test
    void twoBakesSharingACacheAtOnceBothMatchAColdBakeAndLeaveACacheTheNextOneTakesWhole(@TempDir Path tmp)
            throws Exception {
        Project p = project(tmp, Shared.exampleLibrary().resolve("content"));
        List<java.util.concurrent.Future<BakeReport>> bakes = new ArrayList<>();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (String output : new String[]{"site", "other"}) {
                SiteConfig config = SiteConfig.load(p.root(), new SiteConfig.Overrides(null, p.root().resolve(output),
                        null, false, true, null));
                bakes.add(threads.submit(() -> Bake.run(config)));
            }
            for (var bake : bakes) assertEquals(List.of(), bake.get().cache().problems());
        } finally {
            threads.shutdown();
        }
        p.bakeCold();
        assertEquals(files(p.root().resolve("cold")), files(p.root().resolve("site")));
        assertEquals(files(p.root().resolve("cold")), files(p.root().resolve("other")));

        BakeReport again = p.rebakeMatchesColdBake();
        assertEquals(again.incidents() + again.drafts(), again.cache().understoodKept(), "every postmortem from the cache");
        assertEquals(List.of(), again.cache().problems());
    }

    @Test
    void aCacheFolderThatCannotBeWrittenCostsTimeNotTheBake(@TempDir Path tmp) throws Exception {
        Project p = project(tmp, Shared.exampleLibrary().resolve("content"));
        Path notAFolder = Files.writeString(tmp.resolve("cache-is-a-file"), "x");
        BakeReport report = Bake.run(SiteConfig.load(p.root(), new SiteConfig.Overrides(null, p.root().resolve("site"),
                null, false, true, notAFolder)));
        p.bakeCold();
        assertEquals(files(p.root().resolve("cold")), files(p.root().resolve("site")));
        List<String> problems = report.cache().problems();
        assertEquals(6, problems.size(), "five problems and how many more: " + problems);
        assertTrue(problems.getFirst().contains(": cannot "), problems.getFirst());
        assertTrue(problems.getLast().matches("and \\d+ more like these"), problems.getLast());
    }

    @Test
    void aColdBakeWritesNoCacheAndACacheInsideTheOutputIsRefused(@TempDir Path tmp) throws Exception {
        Project p = project(tmp, Shared.exampleLibrary().resolve("content"));
        BakeReport cold = p.bakeCold();
        assertNull(cold.cache());
        assertFalse(Files.exists(p.root().resolve(".pmkb")));

        SiteConfig inside = SiteConfig.load(p.root(), new SiteConfig.Overrides(null, p.root().resolve("site"), null,
                false, true, p.root().resolve("site/cache")));
        String problem = OutputFolder.problem(inside).orElseThrow();
        assertTrue(problem.contains("inside the output"), problem);
        assertThrows(inside);

        Files.writeString(p.root().resolve("jbake.properties"), "pmkb.cache.folder=../elsewhere\n");
        assertEquals(tmp.resolve("elsewhere"), SiteConfig.load(p.root(), new SiteConfig.Overrides(null, null, null,
                false, true, null)).cache());
    }

    @Test
    void serveTakesWhatABakeLeftInTheCache(@TempDir Path tmp) throws Exception {
        Project p = project(tmp, Shared.exampleLibrary().resolve("content"));
        BakeReport baked = p.bake();
        SiteConfig config = SiteConfig.load(p.root(), new SiteConfig.Overrides(null, p.root().resolve("served"), null,
                false, true, null));
        try (ServedSite served = new ServedSite(config, new ServedSite.Events() {
            @Override
            public void baked(BakeReport report, java.time.Duration took) {
            }

            @Override
            public void bakeFailed(String message) {
                throw new AssertionError(message);
            }

            @Override
            public void updated(ServedSite.Update update) {
            }
        })) {
            assertTrue(served.bake());
            assertEquals(0, served.understoodFiles(), "nothing understood again");
        }
        assertNotNull(baked.cache());
        assertEquals(files(p.root().resolve("site")), files(p.root().resolve("served")));
    }

    @Test
    void aRebakeOfUnchangedIncidentsKeepsTheSearchIndexWhichAnswersAsAFreshOne(@TempDir Path tmp) throws Exception {
        Project p = generatedProject(tmp, 40, 5);
        p.bake();
        Path index = SearchIndex.besideSite(p.root().resolve("site"));
        Path coldIndex = SearchIndex.besideSite(p.root().resolve("cold"));
        Map<String, Object> written = stamps(index);
        List<String> queries = List.of("database", "deploy outage", "\"connection pool\"", "certif", "latency");

        // a template change: every page rendered again, the same incidents, so the same index files
        copy(Path.of("templates"), p.root().resolve("templates"));
        Path template = p.root().resolve("templates/archive.ftlh");
        Files.writeString(template, Files.readString(template) + "<!-- changed -->\n");
        p.rebakeMatchesColdBake();
        assertEquals(written, stamps(index), "the index files kept: same inode and time");
        for (String q : queries) assertEquals(hits(coldIndex, q), hits(index, q), q);

        // an edit: the index is updated and finds the new title as a fresh one does
        Path edited = markdown(p.content()).get(3);
        Files.writeString(edited, Files.readString(edited).replaceFirst("(?m)^# .*$", "# Zanzibar checkout fell over"));
        p.rebakeMatchesColdBake();
        assertFalse(stamps(index).equals(written), "a changed incident updates the index");
        assertEquals(1, hits(index, "zanzibar").size());
        for (String q : queries) assertEquals(hits(coldIndex, q), hits(index, q), q);

        // an index that lost a file is written again, never half taken
        Map<String, Object> before = stamps(index);
        String lost = before.keySet().stream().filter(f -> !f.startsWith("segments_") && !f.equals(KeptSearchIndex.NOTE)
                && !f.equals("write.lock")).findFirst().orElseThrow();
        Files.delete(index.resolve(lost));
        p.rebakeMatchesColdBake();
        Map<String, Object> after = stamps(index);
        assertTrue(after.entrySet().stream().noneMatch(e -> e.getValue().equals(before.get(e.getKey()))),
                "the index written afresh: no file taken from the one that lost " + lost);
        for (String q : queries) assertEquals(hits(coldIndex, q), hits(index, q), q);
    }

    /** The Markdown with {@code cause} named first among its root causes: its search document moves. */
    private static String withPrimaryCause(String markdown, String cause) {
        if (markdown.contains("\nroot_causes: [")) return markdown.replace("\nroot_causes: [", "\nroot_causes: [" + cause + ", ");
        return markdown.startsWith("---\n") ? "---\nroot_causes: [" + cause + "]\n" + markdown.substring(4)
                : "---\nroot_causes: [" + cause + "]\n---\n" + markdown;
    }

    @Test
    void theSearchExportReusesPreparedIncidentsAndChoosesSnippetsAfreshWhenDocumentFrequenciesChange(@TempDir Path tmp)
            throws Exception {
        Project p = generatedProject(tmp, 60, 11);
        p.rebakeMatchesColdBake();
        Path entries = p.cache().resolve("search-export-1");
        Map<String, Object> prepared = incidentEntries(entries);
        assertEquals(60, prepared.size(), "one entry per incident");
        Map<String, String> snippetsBefore = snippets(p.root().resolve("site"));

        // one story told again in ten new files: its words grow common, which changes other incidents' snippets
        List<Path> files = markdown(p.content());
        String story = Files.readString(files.get(12));
        for (int i = 0; i < 10; i++) Files.writeString(p.content().resolve("retold-" + i + ".md"), story);
        Files.writeString(files.get(30), Files.readString(files.get(30)) + "\nThe zanzibar quokka replica lagged behind"
                + " the primary for an hour while the failover waited.\n");
        p.rebakeMatchesColdBake();
        Map<String, String> snippetsAfter = snippets(p.root().resolve("site"));
        String editedPage = pageName(p, files.get(30));
        String sourcePage = pageName(p, files.get(12));
        long changed = snippetsBefore.entrySet().stream().filter(e -> !e.getKey().contains(editedPage)
                && !e.getKey().contains(sourcePage) && !e.getValue().equals(snippetsAfter.get(e.getKey()))).count();
        assertTrue(changed > 0, "an incident not edited has another snippet: the choice saw the new frequencies");
        Map<String, Object> after = incidentEntries(entries);
        // new entries beside the old (pruned once an hour old): the edited incident's, the ten retold ones' and the
        // source's, whose title is now told apart from theirs
        assertEquals(60 + 1 + 10 + 1, after.size());
        for (Map.Entry<String, Object> e : prepared.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), "an unchanged incident's entry is read, not written again");
        }
    }

    @Test
    void anUnchangedLibraryTakesThePreviousSearchFolderWholeUnlessItWasTouched(@TempDir Path tmp) throws Exception {
        Project p = generatedProject(tmp, 30, 7);
        p.rebakeMatchesColdBake();
        Path entries = p.cache().resolve("search-export-1");
        Map<String, Object> search = stamps(p.root().resolve("site/search"));
        // the cache keeps only its note of the export: no incident's entry
        byte[] note = new dev.pmkb.cache.EntryStore(entries).read("folder").orElseThrow();
        deleteTree(entries);
        dev.pmkb.cache.EntryStore onlyTheNote = new dev.pmkb.cache.EntryStore(entries);
        onlyTheNote.write("folder", note);
        onlyTheNote.commit();

        // a template change: pages again, the same incidents and index, so the same export
        copy(Path.of("templates"), p.root().resolve("templates"));
        Path template = p.root().resolve("templates/archive.ftlh");
        Files.writeString(template, Files.readString(template) + "<!-- changed -->\n");
        p.rebakeMatchesColdBake();
        assertEquals(search, stamps(p.root().resolve("site/search")), "every export file the previous one");
        assertEquals(Map.of(), incidentEntries(entries), "no incident prepared: the export was not written");

        // a file of the folder changed by hand: the export is written again
        Path text = p.root().resolve("site/search/x/3.json");
        Files.writeString(text, Files.readString(text).replace("\"}", " \"}"));
        p.rebakeMatchesColdBake();
        assertEquals(30, incidentEntries(entries).size(), "every incident prepared again");
    }

    @Test
    void theSearchExportTakesThePreviousFilesOfUnchangedTextsAndChunksThroughEditsAdditionsAndDeletions(
            @TempDir Path tmp) throws Exception {
        Project p = generatedProject(tmp, 150, 5);
        p.rebakeMatchesColdBake();
        List<Path> files = markdown(p.content());

        // an edit: one incident's text and the chunks of the words it gained are new, every other file is the previous
        Map<String, Object> before = stamps(p.root().resolve("site/search"));
        Files.writeString(files.get(7), Files.readString(files.get(7))
                + "\nThe zanzibar quokka replica lagged behind the primary.\n");
        p.rebakeMatchesColdBake();
        Map<String, Object> after = stamps(p.root().resolve("site/search"));
        List<String> changed = before.keySet().stream().filter(f -> !before.get(f).equals(after.get(f))).toList();
        assertEquals(1, changed.stream().filter(f -> f.startsWith("x/")).count(), changed.toString());
        assertTrue(changed.stream().anyMatch(f -> f.startsWith("t/")), changed.toString());
        assertTrue(changed.stream().filter(f -> f.startsWith("t/") || f.startsWith("p/")).count()
                < before.keySet().stream().filter(f -> f.startsWith("t/") || f.startsWith("p/")).count(), changed.toString());

        // an addition and a deletion renumber documents: still the cold bake's bytes
        addNewPostmortem(p);
        Files.delete(files.get(40));
        p.rebakeMatchesColdBake();
        Files.delete(files.get(41));
        p.rebakeMatchesColdBake();
    }

    /** Adds a short postmortem, new to the library, as {@code 2024-01-02-new.md}. */
    private static void addNewPostmortem(Project p) throws IOException {
        Files.writeString(p.content().resolve("2024-01-02-new.md"), """
                # Queue backlog delays invoices

                ## Summary
                On 2024-01-02 a RabbitMQ backlog delayed invoices for 2 hours.

                ## Root cause
                A consumer deadlocked after a config change.
                """);
    }

    /** The search export's entries per incident, by key, with the inode and time of the file that holds each. */
    private static Map<String, Object> incidentEntries(Path entries) throws IOException {
        dev.pmkb.cache.EntryStore store = new dev.pmkb.cache.EntryStore(entries);
        Map<String, Object> all = new TreeMap<>();
        for (String key : store.keys()) {
            if (key.equals("folder")) continue;
            BasicFileAttributes a = Files.readAttributes(store.file(key), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            all.put(key, a.fileKey() + " " + a.lastModifiedTime());
        }
        return all;
    }

    /** Each result row's snippet source, by the incident's page. */
    private static Map<String, String> snippets(Path site) throws IOException {
        Map<String, String> snippets = new TreeMap<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (Stream<Path> shards = Files.list(site.resolve("search/r"))) {
            for (Path shard : shards.toList()) {
                for (com.fasterxml.jackson.databind.JsonNode row : json.readTree(shard.toFile())) {
                    snippets.put(row.get(0).asText(), row.get(4).asText());
                }
            }
        }
        return snippets;
    }

    private static List<dev.pmkb.index.Hit> hits(Path index, String query) throws Exception {
        try (dev.pmkb.index.Searcher searcher = dev.pmkb.index.Searcher.open(index)) {
            return searcher.search(new dev.pmkb.index.SearchRequest(query, List.of(), List.of(), List.of(), List.of(), 20,
                    false));
        }
    }

    private static void assertThrows(SiteConfig config) {
        BakeFailure failure = org.junit.jupiter.api.Assertions.assertThrows(BakeFailure.class, () -> Bake.run(config));
        assertTrue(failure.getMessage().contains("build cache"), failure.getMessage());
    }

    private static String firstIncident(Project p) throws IOException {
        try (Stream<Path> pages = Files.list(p.root().resolve("site/incidents"))) {
            return "incidents/" + pages.map(f -> f.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    private static String pageName(Project p, Path file) {
        return p.content().relativize(file).toString().replace('\\', '/').replace(".md", "").replace('/', '-');
    }


    private static void copy(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = new ArrayList<>(walk.toList());
        }
        for (Path source : all) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) Files.createDirectories(target);
            else Files.copy(source, target);
        }
    }
}
