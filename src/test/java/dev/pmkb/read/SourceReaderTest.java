package dev.pmkb.read;

import dev.pmkb.model.FrontMatter;
import dev.pmkb.model.SourceDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceReaderTest {

    private static SourceDocument parse(String text) {
        return SourceReader.parse("x.md", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileWithoutHeaderIsAllBody() {
        SourceDocument doc = parse("# Outage\n\nIssue Summary: it broke.\n");
        assertEquals(FrontMatter.Format.NONE, doc.frontMatter().format());
        assertEquals("# Outage\n\nIssue Summary: it broke.\n", doc.markdown());
        assertEquals(1, doc.bodyStartLine());
        assertEquals(List.of(), doc.problems());
    }

    @Test
    void jbakeHeaderKeysAndListsWithTheirLines() {
        SourceDocument doc = parse("title=DNS outage\nTags= dns , config-change\nstatus=published\n~~~~~~\n\nBody\n");
        assertEquals(FrontMatter.Format.JBAKE, doc.frontMatter().format());
        assertEquals("DNS outage", doc.frontMatter().text("title").orElseThrow());
        assertEquals(List.of("dns", "config-change"), doc.frontMatter().list("tags"));
        assertEquals(2, doc.frontMatter().line("tags"));
        assertEquals(5, doc.bodyStartLine());
        assertEquals("\nBody\n", doc.markdown());
        assertEquals(6, doc.fileLine(2));
    }

    @Test
    void yamlFrontMatterWithListsAndLines() {
        SourceDocument doc = parse("---\ntitle: \"Cert expiry\"\nroot_causes:\n  - certificate-expiry\n  - monitoring-gap\ndate: 2024-03-12\n---\n# Body\n");
        assertEquals(FrontMatter.Format.YAML, doc.frontMatter().format());
        assertEquals("Cert expiry", doc.frontMatter().text("title").orElseThrow());
        assertEquals(List.of("certificate-expiry", "monitoring-gap"), doc.frontMatter().list("root_causes"));
        assertEquals("2024-03-12", doc.frontMatter().text("date").orElseThrow());
        assertEquals(6, doc.frontMatter().line("date"));
        assertEquals("# Body\n", doc.markdown());
        assertEquals(8, doc.bodyStartLine());
    }

    @Test
    void badHeaderLinesAndBadYamlAreErrorsAtTheirLine() {
        SourceDocument jbake = parse("title=X\nnot a key value\n~~~~~~\nBody");
        assertEquals("x.md:2: error: header line is not key=value, ignored: not a key value",
                jbake.problems().getFirst().toString());
        SourceDocument yaml = parse("---\ntitle: ok\ntags: [a, b\n---\nBody");
        assertTrue(yaml.problems().getFirst().toString().startsWith("x.md:1: warning: the front matter of lines 1 to 4"
                + " is not valid YAML"), yaml.problems().toString());
        assertEquals("\ntitle: ok\ntags: [a, b\n\nBody", yaml.markdown(), "kept as text, fences blanked");
        assertEquals("ok", yaml.frontMatter().text("title").orElseThrow());
    }

    @Test
    void aTildeRuleInTheBodyIsNotAHeader() {
        SourceDocument doc = parse("# Title\n\nSome text = more text\n~~~~~~\nmore\n");
        assertEquals(FrontMatter.Format.NONE, doc.frontMatter().format());
    }

    @Test
    void aThematicBreakAtTheTopIsNotFrontMatterWhenNeverClosed() {
        SourceDocument doc = parse("---\n# Title\n\nText\n");
        assertEquals(FrontMatter.Format.NONE, doc.frontMatter().format());
        assertEquals(List.of(), doc.problems());
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndStillRead() {
        byte[] bytes = "line one\nline two caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        SourceDocument doc = SourceReader.parse("x.md", bytes);
        assertEquals(2, doc.problems().getFirst().line());
        assertTrue(doc.markdown().contains("caf\uFFFD"));
    }

    @Test
    void aByteOrderMarkIsDropped() {
        SourceDocument doc = SourceReader.parse("x.md", "\uFEFFtitle=T\n~~~~~~\nB".getBytes(StandardCharsets.UTF_8));
        assertEquals("T", doc.frontMatter().text("title").orElseThrow());
    }

    @Test
    void emptyFilesAreErrors() {
        assertEquals("x.md: error: empty file: nothing to bake", parse(" \n\n").problems().getFirst().toString());
    }

    @Test
    void duplicateKeysKeepTheFirst() {
        SourceDocument doc = parse("---\ntitle: one\ntitle: two\n---\nB");
        assertEquals("one", doc.frontMatter().text("title").orElseThrow());
        assertEquals(3, doc.problems().getFirst().line());
    }
}
