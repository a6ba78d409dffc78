package dev.pmkb.understand;

import dev.pmkb.read.MarkdownParser;

/** The incident's title: the header's, else the one the text gives itself. */
final class TitleExtractor implements Extractor<String> {

    private final HeaderOverrides header;

    TitleExtractor(HeaderOverrides header) {
        this.header = header;
    }

    @Override
    public String extract(Reading r) {
        String title = r.of(header).title();
        // a heading's ":clipboard:" reads as the emoji, as it does in the body
        return MarkdownParser.withEmoji(title != null ? title : Naming.title(r.sections, r.lines, r.doc.source()));
    }
}
