package dev.pmkb.cli;

import dev.pmkb.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpAndVersionWorkEverywhere() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        for (String command : new String[]{"bake", "serve", "new"}) {
            assertTrue(help.out().contains(command), "pmkb --help lists " + command);
            Run sub = run(command, "--help");
            assertEquals(0, sub.exit(), command + " --help");
            assertTrue(sub.out().contains("Exit codes"), command + " documents its exit codes");
            assertTrue(run(command, "--version").out().startsWith("pmkb "), command + " --version");
        }
        assertTrue(run("--version").out().startsWith("pmkb "));
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertEquals(2, run("bake", "--no-such-option").exit());
        assertEquals(2, run("no-such-command").exit());
    }

    @Test
    void bakeReportsProblemsAndStrictMakesThemFail(@TempDir Path tmp) {
        SiteFixture.write(tmp, """
                -- content/ok.md --
                # Fine
                -- content/broken.md --
                title=Broken
                oops
                ~~~~~~
                Text.
                """);
        Run normal = run("bake", "--site", tmp.toString());
        assertEquals(0, normal.exit(), normal.err());
        assertTrue(normal.out().contains("Baked 2 incidents"), normal.out());
        assertTrue(normal.err().contains("broken.md:2: error: header line is not key=value"), normal.err());
        assertTrue(normal.err().contains("content/broken.md:2:"), "paths are shown from the current folder: " + normal.err());

        Run strict = run("bake", "--site", tmp.toString(), "--strict");
        assertEquals(1, strict.exit());
        assertTrue(Files.exists(tmp.resolve("output/incidents/ok.html")), "strict still writes the site");
    }

    @Test
    void bakeOfAMissingFolderFailsWithOneLine(@TempDir Path tmp) {
        Run run = run("bake", "--site", tmp.toString(), "--content", tmp.resolve("nope").toString());
        assertEquals(2, run.exit(), "a folder that is not there is wrong usage");
        assertTrue(run.err().startsWith("pmkb: content folder not found"), run.err());
        assertEquals(1, run.err().strip().lines().count(), "no stack trace: " + run.err());
    }

    @Test
    void newWritesADraftWithPlaceholdersThatCheckListsAndNoInventedFacts(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        Run created = run("new", "Checkout: outage \"503\"!", "--content", content.toString(), "--date", "2024-05-06");
        assertEquals(0, created.exit(), created.err());
        Path file = content.resolve("2024/checkout-outage-503.md");
        String text = Files.readString(file);
        for (String section : new String[]{"## Issue Summary", "## Timeline", "## Root Cause and Resolution",
                "## Corrective and Preventative Measures"}) {
            assertTrue(text.contains(section), section);
        }
        assertTrue(text.contains("status: draft"), text);
        assertFalse(text.matches("(?s).*\\d{1,2}:\\d{2}.*"), "no made-up times: " + text);
        assertEquals(1, run("new", "Checkout: outage \"503\"!", "--content", content.toString(), "--date", "2024-05-06").exit(),
                "never overwrites");

        Run check = run("check", "--site", tmp.toString());
        assertTrue(check.out().contains("content/2024/checkout-outage-503.md:10: warning: placeholder left in the text"),
                check.out());
        assertEquals(1, run("check", "--site", tmp.toString(), "--strict").exit(), "placeholders fail a strict check");

        Run bake = run("bake", "--site", tmp.toString());
        assertEquals(0, bake.exit(), bake.err());
        assertTrue(bake.out().contains("(1 draft not published)"), bake.out());
        assertFalse(Files.exists(tmp.resolve("output/incidents/2024-checkout-outage-503.html")), "a draft is not published");

        Files.writeString(file, text.replaceFirst("status: draft[^\n]*\n", ""));
        assertEquals(0, run("bake", "--site", tmp.toString()).exit());
        String page = Files.readString(tmp.resolve("output/incidents/2024-checkout-outage-503.html"));
        assertTrue(page.contains("<h1>Checkout: outage &quot;503&quot;!</h1>"), page);
        assertTrue(page.contains("datetime=\"2024-05-06\""), "the date comes from the front matter");
        assertFalse(page.contains("TODO"), "placeholders show on no page");
    }

    @Test
    void newWithoutADateWritesNone(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        assertEquals(0, run("new", "Outage", "--content", content.toString()).exit());
        String text = Files.readString(content.resolve(LocalDate.now().getYear() + "/outage.md"));
        assertFalse(text.contains("date:"), text);
    }

    @Test
    void withoutABaseUrlBakeSaysWhatBreaksAndWritesNoRelativeSitemap(@TempDir Path tmp) throws Exception {
        SiteFixture.write(tmp, """
                -- content/2024/a.md --
                # Checkout pool exhausted

                On March 3, 2024 the database connection pool was exhausted.
                """);
        Run bare = run("bake", "--site", tmp.toString());
        assertEquals(0, bare.exit(), bare.err());
        assertEquals(1, bare.err().lines().filter(l -> l.contains("no base URL")).count(), bare.err());
        for (String breaks : new String[]{"404 page", "feed", "sitemap"}) assertTrue(bare.err().contains(breaks), bare.err());
        Path out = tmp.resolve("output");
        assertFalse(Files.exists(out.resolve("sitemap.xml")), "no sitemap of relative URLs");
        assertFalse(Files.readString(out.resolve("robots.txt")).contains("Sitemap"));
        String feed = Files.readString(out.resolve("feed.xml"));
        assertTrue(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"./\"/>"), "the home page: " + feed);
        assertTrue(feed.contains("<id>urn:pmkb:library</id>"), feed);

        Run based = run("bake", "--site", tmp.toString(), "--base-url", "https://org.github.io/repo/");
        assertEquals(0, based.exit(), based.err());
        assertFalse(based.err().contains("base URL"), based.err());
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://org.github.io/repo/incidents/2024-a.html</loc>"), sitemap);
        assertFalse(sitemap.contains("<loc>incidents/"), sitemap);
        // GitHub Pages serves 404.html for a missing page at any depth: its links start from the site's path.
        org.jsoup.nodes.Document notFound = org.jsoup.Jsoup.parse(Files.readString(out.resolve("404.html")));
        for (org.jsoup.nodes.Element link : notFound.select("[href], [src], form[action]")) {
            String url = link.hasAttr("href") ? link.attr("href") : link.hasAttr("src") ? link.attr("src") : link.attr("action");
            assertTrue(url.startsWith("/repo/") || url.startsWith("#"), "works at any depth: " + link);
        }
    }

    @Test
    void bakeKeepsABuildCacheUnlessToldNotTo(@TempDir Path tmp) {
        SiteFixture.write(tmp, """
                -- content/a.md --
                # Checkout outage

                ## Summary
                On 2024-03-01 checkout failed for 20 minutes.
                """);
        Run cold = run("bake", "--site", tmp.toString(), "--no-cache", "--timings");
        assertEquals(0, cold.exit(), cold.err());
        assertFalse(Files.exists(tmp.resolve(".pmkb")), "--no-cache writes no cache");
        assertFalse(cold.out().contains("build cache"), cold.out());

        assertEquals(0, run("bake", "--site", tmp.toString()).exit());
        assertTrue(Files.isDirectory(tmp.resolve(".pmkb/cache")), "the cache is in the site folder by default");
        Run warm = run("bake", "--site", tmp.toString(), "--timings");
        assertTrue(warm.out().contains("build cache: 1 of 1 postmortems kept (100.0% hit rate)"), warm.out());

        Run elsewhere = run("bake", "--site", tmp.toString(), "--cache-dir", tmp.resolve("c").toString(), "--timings");
        assertTrue(elsewhere.out().contains("0 of 1 postmortems kept"), elsewhere.out());
        assertTrue(Files.isDirectory(tmp.resolve("c")));

        Run inside = run("bake", "--site", tmp.toString(), "--cache-dir", tmp.resolve("output/cache").toString());
        assertEquals(2, inside.exit(), "a cache inside the output is wrong usage");
        assertTrue(inside.err().contains("inside the output"), inside.err());
        assertEquals(2, run("bake", "--site", tmp.toString(), "--no-cache", "--cache-dir", "x").exit());
    }
}
