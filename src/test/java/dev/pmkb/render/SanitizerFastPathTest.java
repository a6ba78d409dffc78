package dev.pmkb.render;

import dev.pmkb.read.MarkdownParser;
import dev.pmkb.read.SourceReader;
import dev.pmkb.testing.Shared;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body from which jsoup's cleaner would only drop attributes is cleaned where it is, without the cleaner's copy
 * ({@link MarkdownRenderer#cleanedInPlace}): the result must be the HTML the cleaner makes, and anything else the
 * cleaner drops or changes must send the body through it.
 */
class SanitizerFastPathTest {

    private static final String BASE = "https://content.pmkb.invalid/2024/";

    private final MarkdownRenderer renderer = new MarkdownRenderer(new MarkdownRenderer.ContentLinks() {
        @Override
        public String pageOf(String contentPath) {
            return null;
        }

        @Override
        public boolean exists(String contentPath) {
            return true;
        }

        @Override
        public void broken(String source, String target) {
        }
    });
    private final Cleaner cleaner = new Cleaner(MarkdownRenderer.safelist());

    private Document parse(String markdown) {
        Document dirty = Jsoup.parseBodyFragment(MarkdownParser.parse(markdown).unsafeHtml(), BASE);
        dirty.outputSettings().prettyPrint(false);
        return dirty;
    }

    /** Whether the fast path takes the body; and when it does, that the cleaner would have made the same HTML. */
    private boolean fastPathAgreesWithTheCleaner(String markdown, String what) {
        Document inPlace = parse(markdown);
        if (!renderer.cleanedInPlace(inPlace.body())) return false;
        Document clean = cleaner.clean(parse(markdown));
        clean.outputSettings().prettyPrint(false);
        assertEquals(clean.body().html(), inPlace.body().html(), what);
        return true;
    }

    @Test
    void plainMarkdownTakesTheFastPathAndComesOutAsTheCleanerWouldMakeIt() {
        String markdown = """
                # Title with *emphasis* and `code`

                A paragraph with a [link](https://example.com/a?b=1&c=2 "a title"), an ![image](graph.png "t"),
                ~~struck~~ text, <kbd>Ctrl</kbd>, a relative [file](../notes/x.pdf#page=2) and a mail link
                <mailto:a@example.com>. Quotes "like this" & ampersands, :fire: and emoji.

                > A quote
                > over two lines

                1. one
                2. two
                   - nested

                | Time | Event |
                |:-----|------:|
                | 10:00 | Deploy |

                ```java
                String s = "<script>";
                ```

                ---
                """;
        assertTrue(fastPathAgreesWithTheCleaner(markdown, markdown));
    }

    @Test
    void attributesTheCleanerWouldDropAreDroppedInPlace() {
        String markdown = """
                - [ ] open task
                - [x] done task

                <p id="anchor" class="x" style="color:red">a paragraph</p> <a href="https://example.com" onclick="x()"
                title="kept">a</a> <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">b</a>
                """;
        assertTrue(fastPathAgreesWithTheCleaner(markdown, markdown));
        Document inPlace = parse(markdown);
        renderer.cleanedInPlace(inPlace.body());
        String html = inPlace.body().html();
        for (String dropped : List.of("task-list-item", "readonly", "onclick", "onerror", "id=", "class=", "style=",
                "javascript")) {
            assertFalse(html.contains(dropped), dropped + ": " + html);
        }
        assertTrue(html.contains("title=\"kept\"") && html.contains("checked"), html);
    }

    @Test
    void anythingTheCleanerDropsOrChangesSendsTheBodyThroughIt() {
        List<String> unsafe = List.of(
                "Text <script>alert(1)</script>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<style>body{}</style>",
                "a <!-- a comment --> b",
                "<svg><![CDATA[text]]></svg>",
                "<custom-element>x</custom-element>",
                "<form action=\"/x\"><input type=\"text\"></form>",
                "<p id=\"anchor\">an attribute dropped, then a tag</p><object data=\"x\"></object>");
        for (String markdown : unsafe) {
            assertFalse(renderer.cleanedInPlace(parse(markdown).body()), markdown);
        }
    }

    @Test
    void theHostileFixtureAndTheExampleComeOutAsTheCleanerWouldMakeThem() throws IOException {
        List<Path> files = new ArrayList<>();
        Path fixtures = Shared.repository().resolve("src/test/resources/fixtures/content");
        Path example = Shared.publishedExampleLibrary().resolve("content");
        try (Stream<Path> walk = Stream.concat(Files.walk(fixtures), Files.walk(example))) {
            walk.filter(f -> f.toString().endsWith(".md")).forEach(files::add);
        }
        int fast = 0;
        for (Path file : files) {
            Path root = file.startsWith(fixtures) ? fixtures : example;
            if (fastPathAgreesWithTheCleaner(SourceReader.read(root, file).markdown(), file.toString())) fast++;
        }
        assertTrue(fast > 0, "the example's postmortems are plain Markdown");
        assertFalse(fastPathAgreesWithTheCleaner(SourceReader.read(fixtures,
                fixtures.resolve("2025/hostile-input-test.md")).markdown(), "hostile"), "the hostile fixture is cleaned");
    }

    @Test
    void thePublicCorpusComesOutAsTheCleanerWouldMakeIt() throws IOException {
        Path corpus = Shared.sharedFolder("corpus/alx");
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                fastPathAgreesWithTheCleaner(SourceReader.read(corpus, file).markdown(), file.toString());
            }
        }
    }
}
