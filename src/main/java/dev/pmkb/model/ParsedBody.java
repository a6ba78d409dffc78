package dev.pmkb.model;

/**
 * A postmortem's Markdown body as the bake parses it, once, while reading: the later stages need it twice (the
 * search index its words, the page its HTML), and parsing it again for each was a tenth of a bake's CPU.
 *
 * @param unsafeHtml the HTML the Markdown converts to, raw HTML of the author included: not fit for a page until the
 *                   render stage has sanitised it
 * @param text       the words a reader sees: text, link texts, image alt texts, inline code and code blocks; no URLs,
 *                   no HTML tags, no Markdown punctuation; each block on its own line
 * @param verbatim   true when the Markdown nests too deeply for the parser: the HTML then shows it as written, in a
 *                   {@code <pre>} block, and the text is the Markdown itself
 */
public record ParsedBody(String unsafeHtml, String text, boolean verbatim) {

    public static final ParsedBody EMPTY = new ParsedBody("", "", false);
}
