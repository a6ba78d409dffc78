package dev.pmkb.read;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.FrontMatter;
import dev.pmkb.model.SourceDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files as careless editors and hostile authors write them: read, never lost, each problem named. */
class HostileInputTest {

    private static SourceDocument parse(String text) {
        return SourceReader.parse("x.md", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void frontMatterThatIsNotYamlStaysInTheBodyAndTheWarningNamesItsOpeningLine() {
        SourceDocument doc = parse("---\n\npostmortem:\n  title: \"Bank outage\"\n  issue_summary:\n"
                + "    duration: \"14:10 - 16:45 WAT\"\n\n| Time | Event |\n|---|---|\n| 14:10 | alert |\n\n---\n\n## Root Cause\nA pool.\n");
        assertEquals("x.md:1: warning: the front matter of lines 1 to 12 is not valid YAML (expected a comment or a line"
                + " break, but found T(84) at line 8); its lines are kept as text", doc.problems().getFirst().toString());
        assertEquals(1, doc.problems().size(), doc.problems().toString());
        assertTrue(doc.markdown().contains("| 14:10 | alert |"), doc.markdown());
        assertTrue(doc.markdown().contains("## Root Cause"), doc.markdown());
        assertEquals(1, doc.bodyStartLine());
        assertEquals(List.of("", "", "postmortem:"), doc.markdown().lines().limit(3).toList(), "fences blanked, lines kept");
        assertEquals("Bank outage", doc.frontMatter().text("title").orElseThrow(), "the broken header's title is kept");
        assertEquals(4, doc.frontMatter().line("title"));
    }

    @Test
    void anUnclosedFrontMatterStaysInTheBodyWithAWarning() {
        SourceDocument doc = parse("---\ntitle: Lost header\ndate: 2024-03-01\nstatus: draft\n\n# Heading\n\nThe text.\n");
        assertEquals("x.md:1: warning: the YAML front matter opened here is never closed by a --- line; its lines are"
                + " kept as text", doc.problems().getFirst().toString());
        assertTrue(doc.markdown().contains("date: 2024-03-01\nstatus: draft\n\n# Heading\n\nThe text."), doc.markdown());
        assertEquals("Lost header", doc.frontMatter().text("title").orElseThrow());
        assertEquals("draft", doc.frontMatter().text("status").orElseThrow(), "a draft stays unpublished");
    }

    @Test
    void aDocumentOpeningWithTwoRulesIsNotAHeader() {
        SourceDocument doc = parse("---\n# Title\n\nText\n\n---\n\nMore text\n");
        assertEquals(List.of(), doc.problems());
        assertEquals(FrontMatter.NONE, doc.frontMatter());
        assertTrue(doc.markdown().startsWith("---\n# Title\n\nText"), doc.markdown());
    }

    @Test
    void crOnlyLineEndsAreReadLikeLineFeeds() {
        SourceDocument yaml = parse("---\rtitle: Old Mac\rdate: 2024-01-02\r---\r# Body\rtext\r");
        assertEquals("Old Mac", yaml.frontMatter().text("title").orElseThrow());
        assertEquals(3, yaml.frontMatter().line("date"));
        assertEquals("# Body\ntext\n", yaml.markdown());
        SourceDocument jbake = parse("title=Old JBake\r~~~~~~\r\rBody\r");
        assertEquals("Old JBake", jbake.frontMatter().text("title").orElseThrow());
        assertEquals("\nBody\n", jbake.markdown());
    }

    @Test
    void tomlFrontMatterIsRead() {
        SourceDocument doc = parse("+++\ntitle = \"Queue \\\"lag\\\" outage\"\ndate = 2024-05-06T10:00:00Z\n"
                + "tags = [\"kafka\", 'consumer lag']\ndraft = false # not yet\n[params]\ntitle = \"not this\"\n+++\n# Body\n");
        assertEquals(List.of(), doc.problems());
        assertEquals(FrontMatter.Format.TOML, doc.frontMatter().format());
        assertEquals("Queue \"lag\" outage", doc.frontMatter().text("title").orElseThrow());
        assertEquals("2024-05-06T10:00:00Z", doc.frontMatter().text("date").orElseThrow());
        assertEquals(3, doc.frontMatter().line("date"));
        assertEquals(List.of("kafka", "consumer lag"), doc.frontMatter().list("tags"));
        assertEquals("false", doc.frontMatter().text("draft").orElseThrow());
        assertEquals("# Body\n", doc.markdown());
        assertEquals(9, doc.bodyStartLine());
    }

    @Test
    void controlCharactersNeverReachTheBody() {
        SourceDocument doc = parse("# Title\nline two\nNUL\u0000here \u001b[31mred\u0007 and\u0085 C1\ttab\n");
        assertEquals("x.md:3: warning: 4 control characters (the first U+0000) removed: they have no place in a page",
                doc.problems().getFirst().toString());
        assertEquals("# Title\nline two\nNULhere [31mred and C1\ttab\n", doc.markdown());
    }

    @Test
    void utf16FilesAreDetectedAndRead() {
        String text = "---\ntitle: Wide outage\n---\n# Body caf\u00e9\n";
        for (byte[] bytes : List.of(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE),
                ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE), text.getBytes(StandardCharsets.UTF_16LE))) {
            SourceDocument doc = SourceReader.parse("x.md", bytes);
            assertEquals("Wide outage", doc.frontMatter().text("title").orElseThrow());
            assertEquals("# Body caf\u00e9\n", doc.markdown());
            assertTrue(doc.problems().getFirst().message().startsWith("file is UTF-16 (UTF-16"), doc.problems().toString());
        }
    }

    @Test
    void aFileThatCannotBeReadNamesTheReason(@TempDir Path content) throws Exception {
        Files.createDirectory(content.resolve("folder.md"));
        SourceDocument doc = SourceReader.read(content, content.resolve("folder.md"));
        assertEquals("folder.md: error: cannot read file: is a directory", doc.problems().getFirst().toString());
        assertEquals("permission denied", SourceReader.reason(new AccessDeniedException("/x/y.md")));
    }

    @Test
    void aFileTooLargeToBeAPostmortemIsNotRead() {
        SourceDocument doc = SourceReader.parse("big.md", new byte[(int) Limits.MAX_FILE_BYTES + 1]);
        assertEquals("", doc.markdown());
        assertTrue(doc.problems().getFirst().message().startsWith("file too large to be a postmortem (16 MB"),
                doc.problems().toString());
    }
}
