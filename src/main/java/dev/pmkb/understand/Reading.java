package dev.pmkb.understand;

import dev.pmkb.model.FrontMatter;
import dev.pmkb.model.SourceDocument;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document being understood: its text cut into sections, the diagnostics found so far, and what the
 * extractors share (each section's plain text, the time scanner, the facts already read). Lives for one document
 * on one thread.
 */
final class Reading {

    /** Longest prefix of a body the time scanner and the zone statement are looked for in. */
    static final int TIME_TEXT_LIMIT = 200_000;

    final SourceDocument doc;
    /** The body as read for facts: {@code doc.markdown()}, unwrapped from a chat assistant's fence. */
    final String markdown;
    final FrontMatter header;
    final String[] lines;
    final List<Section> sections;
    final Findings findings;
    final TimeScanner scanner;
    final TimeResolver resolver;
    final ZoneRules zones;
    /** Plain text of each section, made once: the summary, impact, cause and fix readers all ask for it. */
    private final Map<Section, String> sectionTexts = new IdentityHashMap<>();
    /** Each "Root Cause and Resolution" section cut in two, for the cause and then again for the fix. */
    private final Map<Section, String[]> causeAndFix = new IdentityHashMap<>();
    private final Map<Extractor<?>, Object> read = new IdentityHashMap<>();

    Reading(SourceDocument doc, ZoneRules zones) {
        this.doc = doc;
        // A report wrapped in a ```markdown fence is read as the report it wraps; the page still shows it as written.
        this.markdown = FencedReport.unwrap(doc.markdown() == null ? "" : doc.markdown());
        this.header = doc.frontMatter() == null ? FrontMatter.NONE : doc.frontMatter();
        this.lines = SectionSplitter.lines(markdown);
        this.sections = SectionSplitter.split(lines);
        this.findings = new Findings(doc);
        this.zones = zones;
        this.scanner = new TimeScanner(TimeScanner.orderOf(markdown.length() > TIME_TEXT_LIMIT
                ? markdown.substring(0, TIME_TEXT_LIMIT) : markdown), zones);
        this.resolver = new TimeResolver(zones, findings);
    }

    /** What {@code extractor} reads from this document, read on the first call only. */
    @SuppressWarnings("unchecked")
    <T> T of(Extractor<T> extractor) {
        if (read.containsKey(extractor)) return (T) read.get(extractor);
        T facts = extractor.extract(this);
        read.put(extractor, facts);
        return facts;
    }

    /** The lines of every section of {@code kind}, in order. */
    List<SourceLine> lines(SectionKind kind) {
        List<SourceLine> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.kind() == kind) out.addAll(s.lines());
        }
        return out;
    }

    /** The plain text of every non-empty section of {@code kind}, or null when there is none. */
    String joined(SectionKind kind) {
        List<String> parts = new ArrayList<>();
        for (Section s : sections) {
            if (s.kind() == kind && !s.isEmpty()) parts.add(textOf(s));
        }
        return parts.isEmpty() ? null : PlainText.clip(String.join("\n\n", parts), 20_000);
    }

    String textOf(Section s) {
        return sectionTexts.computeIfAbsent(s, Section::text);
    }

    /** A "Root Cause and Resolution" section's text as {cause, fix}. */
    String[] causeAndFix(Section s) {
        return causeAndFix.computeIfAbsent(s, section -> CauseAndFix.split(textOf(section)));
    }
}
