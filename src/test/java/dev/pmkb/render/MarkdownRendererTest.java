package dev.pmkb.render;

import dev.pmkb.read.MarkdownParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownRendererTest {

    private final List<String> broken = new ArrayList<>();
    private final MarkdownRenderer.ContentLinks links = new MarkdownRenderer.ContentLinks() {
        @Override
        public String pageOf(String contentPath) {
            return contentPath.equals("2023/other.md") ? "incidents/2023-other.html" : null;
        }

        @Override
        public boolean exists(String contentPath) {
            return Set.of("2024/graph.png", "shared/diagram.svg").contains(contentPath);
        }

        @Override
        public void broken(String source, String target) {
            broken.add(source + " -> " + target);
        }
    };
    private final MarkdownRenderer renderer = new MarkdownRenderer(links);

    private String render(String markdown) {
        return renderer.toHtml(MarkdownParser.parse(markdown), "2024/incident.md", "incidents/2024-incident.html", null);
    }

    @Test
    void scriptsHandlersAndJavascriptUrlsAreRemoved() {
        String html = render("""
                Text <script>alert(1)</script> more.

                <img src="https://example.com/x.png" onerror="alert(1)">
                [click](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">two</a>
                <iframe src="https://evil.example"></iframe><style>body{}</style>
                <div onclick="x()" style="color:red">styled</div>
                """);
        assertFalse(html.toLowerCase().contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("onclick"), html);
        assertFalse(html.toLowerCase().contains("href=\"javascript"), html);
        assertFalse(render("[click](javascript:alert(1))").toLowerCase().contains("javascript"), "no link: " + html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("<style"), html);
        assertFalse(html.contains("style="), html);
        assertTrue(html.contains("<a href=\"https://example.com/x.png\""), "a remote image is a link: " + html);
    }

    @Test
    void remoteImagesAreLinksUnlessTheLibraryAllowsThem() {
        String markdown = """
                ![graph](https://tracker.example/pixel.png?reader=1) ![](//cdn.example/y.png) ![local](graph.png)

                <img src="/\\evil.example/z.png" alt="z">
                """;
        String html = render(markdown);
        assertFalse(html.contains("<img src=\"https://tracker.example"), html);
        assertTrue(html.contains("<a href=\"https://tracker.example/pixel.png?reader=1\" rel=\"nofollow noopener noreferrer\">graph</a>"), html);
        assertTrue(html.contains("<a href=\"//cdn.example/y.png\">//cdn.example/y.png</a>"), html);
        assertFalse(html.contains("<img src=\"/\\evil"), "a backslash makes it protocol-relative too: " + html);
        assertTrue(html.contains("<img src=\"../2024/graph.png\" alt=\"local\">"), "local images stay: " + html);

        String allowed = new MarkdownRenderer(links, true).toHtml(MarkdownParser.parse(markdown), "2024/incident.md",
                "incidents/2024-incident.html", null);
        assertTrue(allowed.contains("<img src=\"https://tracker.example/pixel.png?reader=1\" alt=\"graph\">"), allowed);
    }

    @Test
    void harmlessFormattingStays() {
        String html = render("""
                **bold** _em_ `code` ~~gone~~

                | a | b |
                |---|---|
                | 1 | 2 |

                - [x] done
                - [ ] open

                <details><summary>More</summary>hidden</details>
                """);
        for (String tag : new String[]{"<strong>", "<em>", "<code>", "<del>", "<table>", "<details>", "<summary>"}) {
            assertTrue(html.contains(tag), tag + " in " + html);
        }
        assertTrue(html.contains("type=\"checkbox\""), html);
        assertTrue(html.contains("disabled"), "checkboxes cannot be ticked by readers: " + html);
    }

    @Test
    void relativeLinksFollowTheFilesIntoTheSite() {
        String html = render("![graph](graph.png) ![d](../shared/diagram.svg) [other](../2023/other.md#timeline) [gone](missing.pdf)");
        assertTrue(html.contains("src=\"../2024/graph.png\""), html);
        assertTrue(html.contains("src=\"../shared/diagram.svg\""), html);
        assertTrue(html.contains("href=\"../incidents/2023-other.html#timeline\""), html);
        assertFalse(html.contains("missing.pdf\""), "a link to nothing is kept as text: " + html);
        assertTrue(html.contains("gone"), html);
        assertEquals(List.of("2024/incident.md -> missing.pdf"), broken);
    }

    @Test
    void bareUrlsBecomeLinksButNotInCode() {
        String html = render("See https://status.example.com/incidents/42. And `https://in.code/x`.");
        assertTrue(html.contains("<a href=\"https://status.example.com/incidents/42\" rel=\"nofollow noopener noreferrer\">https://status.example.com/incidents/42</a>."), html);
        assertTrue(html.contains("<code>https://in.code/x</code>"), html);
    }

    @Test
    void externalLinksOpenWithoutReferrerOrOpenerAccess() {
        String html = render("[docs](https://example.com/docs)");
        assertTrue(html.contains("rel=\"nofollow noopener noreferrer\""), html);
    }

    @Test
    void theTitleHeadingIsNotRepeatedAndHeadingsNestUnderThePage() {
        String html = renderer.toHtml(MarkdownParser.parse("# The *Outage*\n\n## Timeline\n\ntext"), "a.md", "incidents/a.html",
                "The Outage");
        assertFalse(html.contains("<h1"), html);
        assertFalse(html.contains("Outage</"), html);
        assertTrue(html.contains("<h3>Timeline</h3>"), html);
    }

    @Test
    void aLongParagraphWrittenALineAtATimeKeepsItsLines() {
        String html = render("""
                Issue Summary
                Duration: The outage lasted for 1 hour and 45 minutes, from 08:30 AM to 10:15 AM UTC on August 19, 2024.
                Impact: The company's primary web application was down for every user; logins failed.
                08:30 AM UTC - **Issue detected** via a monitoring alert on the error rate
                08:45 AM UTC - Database team brought in to look at the connection pool
                """);
        assertEquals(5, html.split("<span class=\"line\">", -1).length - 1, "a block per line: " + html);
        assertTrue(html.contains("<p class=\"written-lines\"><span class=\"line\">Issue Summary</span><span class=\"line\">Duration:"), html);
        assertTrue(html.contains("UTC - <strong>Issue detected</strong> via"), "inline markup stays: " + html);
        assertFalse(html.substring(0, html.indexOf("</p>")).contains("\n"), "no soft break is left to be a space: " + html);
    }

    @Test
    void proseHardWrappedAtAColumnStaysOneParagraph() {
        String html = render("""
                Upon the release of the new checkout service, at approximately 06:05 UTC, an
                outage occurred on the isolated container running the Apache web server. GET
                requests on the server led to internal server errors, when the expected response
                was an HTML page defining a simple WordPress site for the shop and its customers.
                """);
        assertFalse(html.contains("<br"), html);
    }

    @Test
    void shortParagraphsAndCodeKeepSoftBreaksAsCommonMarkSays() {
        assertFalse(render("The pool ran dry.\nWe raised it.\nAll good now.\n").contains("line"),
                "a short paragraph reads well joined");
        assertTrue(render("08:30: alert on the error rate\n11:30: root cause found, change rolled back\n")
                .contains("<span class=\"line\">11:30: root"), "lines that each start an entry keep their lines");
        assertFalse(WrittenLines.writtenAsLines("Two long lines. ".repeat(10) + "\n" + "Second line. ".repeat(10)),
                "two lines are one soft break, read as a space");
        String hard = render("""
                First line ends a sentence and has a hard break after it, written with two spaces.\s\s
                Second line ends a sentence too, and goes on for a while to make the paragraph long.
                Third line: the paragraph is long enough now, at over two hundred characters.
                """);
        assertEquals(3, hard.split("<span class=\"line\">", -1).length - 1, "a hard break ends a line, once: " + hard);
        String nested = render("""
                Duration: The outage lasted for 1 hour and 45 minutes, from 08:30 AM to 10:15 AM UTC on August 19.
                Impact: **every user of the company's primary web application could not log in;
                logins failed** for the whole of the outage, and the support queue filled up.
                Cause: a misconfigured load balancer after a routine update.
                """);
        assertEquals(3, nested.split("<br>", -1).length - 1, "a break inside markup is a <br>: " + nested);
    }

    @Test
    void writtenLinesAreToldFromWrappingByWhereTheBreaksFall() {
        assertTrue(WrittenLines.writtenAsLines("""
                The responsible team found the root cause and rolled the change back after reviewing it.
                And the steps that the team needed to follow to fix the problem included:
                1-	The responsible team received an alert from the monitoring system about the site.
                2-	The software engineer started revising the error logs and the crash report.
                """));
        assertFalse(WrittenLines.writtenAsLines("""
                Bug debugger Brennan (BDB... as in my actual initials... made that up on the spot, pretty
                good, huh?) encountered the issue upon opening the project and being, well, instructed to
                address it, roughly 19:20 PST. He promptly proceeded to undergo solving the problem.
                """));
    }

    @Test
    void listItemsWhoseMarkersWereDroppedKeepTheirLines() {
        // a "Contributing Factors" list as the root-cause text has it: one item a line, the "- " gone
        assertEquals(List.of("""
                        We depend on the datacenter team to manage ADFS
                        No monitoring or record of certificate expiry
                        Auto renewal not configured in ADFS"""),
                SitePlanner.paragraphs("""
                        We depend on the datacenter team to manage ADFS
                        No monitoring or record of certificate expiry
                        Auto renewal not configured in ADFS
                        """));
        assertFalse(WrittenLines.writtenAsLines("""
                The checkout service failed because the
                API gateway timed out on every request to
                Payments, which were retried without a limit."""), "wrapped prose ends with a full stop");
        assertFalse(WrittenLines.writtenAsLines("Database overload\nMissing index"), "two lines read well joined");
    }

    @Test
    void theRootCauseCardKeepsLinesOnlyWhereTheWriteUpWouldShowThem() {
        assertEquals(List.of("Cause: a misconfigured load balancer.\nResolution: the previous settings were restored.",
                        "The pool was exhausted because the retry storm held connections open while the"
                                + " database was slow."),
                SitePlanner.paragraphs("""
                        Cause: a misconfigured load balancer.
                        Resolution: the previous settings were restored.

                        The pool was exhausted because the retry storm held connections open while the
                        database was slow.
                        """));
    }
}
