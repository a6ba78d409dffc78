package dev.pmkb.model;

import java.util.function.Supplier;

/**
 * A postmortem's Markdown body as the bake parses it, once, while reading: the later stages need it twice (the
 * search index its words, the page its HTML), and parsing it again for each was a tenth of a bake's CPU.
 * <p>
 * Its two texts are most of a postmortem's bytes, and each is read only now and then (the HTML once, for the page),
 * so a bake may keep them outside the heap ({@link Stored}) and have each read again when asked for; the accessors
 * are the same either way, and two bodies are equal when their texts are.
 *
 * @param texts    the HTML and the plain text, held or stored
 * @param verbatim true when the Markdown nests too deeply for the parser: the HTML then shows it as written, in a
 *                 {@code <pre>} block, and the text is the Markdown itself
 */
public record ParsedBody(Texts texts, boolean verbatim) {

    public static final ParsedBody EMPTY = new ParsedBody("", "", false);

    /**
     * @param unsafeHtml the HTML the Markdown converts to, raw HTML of the author included: not fit for a page until
     *                   the render stage has sanitised it
     * @param text       the words a reader sees: text, link texts, image alt texts, inline code and code blocks; no
     *                   URLs, no HTML tags, no Markdown punctuation; each block on its own line
     */
    public ParsedBody(String unsafeHtml, String text, boolean verbatim) {
        this(new Held(unsafeHtml, text), verbatim);
    }

    /** The HTML the Markdown converts to, not yet sanitised. */
    public String unsafeHtml() {
        return texts.unsafeHtml();
    }

    /** The words a reader sees, each block on its own line. */
    public String text() {
        return texts.text();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedBody b && verbatim == b.verbatim
                && java.util.Objects.equals(unsafeHtml(), b.unsafeHtml()) && java.util.Objects.equals(text(), b.text());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(unsafeHtml(), text(), verbatim);
    }

    /** Where a body's HTML and plain text are. */
    public sealed interface Texts permits Held, Stored {
        String unsafeHtml();

        String text();
    }

    /** The texts in the heap. */
    public record Held(String unsafeHtml, String text) implements Texts {
    }

    /** The texts kept elsewhere (a bake's spill file), read again each time they are asked for. */
    public record Stored(Supplier<String> html, Supplier<String> plain) implements Texts {
        @Override
        public String unsafeHtml() {
            return html.get();
        }

        @Override
        public String text() {
            return plain.get();
        }
    }
}
