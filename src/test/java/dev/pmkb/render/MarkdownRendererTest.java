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
}
