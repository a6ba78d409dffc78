package dev.pmkb.render;

import java.util.function.Supplier;

/**
 * A postmortem body's safe HTML as {@link MarkdownRenderer#bodyHtml} gives it: made already, or known by a key that
 * stands for it until a page must show it (a build cache's entry, read only for a page rendered again).
 */
public interface BodyHtml {

    /** The safe HTML. */
    String html();

    /** Stands for the HTML in a page's hash: two bodies with the same key have the same HTML. Null: none does. */
    String key();

    /** HTML made already, with no key: a page's hash must cover the HTML itself. */
    static BodyHtml made(String html) {
        return new Made(html, null);
    }

    /** HTML made already, and the key that would stand for it. */
    record Made(String html, String key) implements BodyHtml {
    }

    /** HTML read or made only when asked for, the first time. */
    final class Deferred implements BodyHtml {
        private final String key;
        private Supplier<String> source;
        private String html;

        public Deferred(String key, Supplier<String> source) {
            this.key = key;
            this.source = source;
        }

        @Override
        public synchronized String html() {
            if (source != null) {
                html = source.get();
                source = null;
            }
            return html;
        }

        @Override
        public String key() {
            return key;
        }
    }
}
