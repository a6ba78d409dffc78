package dev.pmkb.understand;

import java.util.ArrayList;
import java.util.List;

/**
 * A detection phrase from the taxonomy, e.g. {@code connection pool}, {@code misconfigur*}. Words match stems
 * ({@code pools} matches {@code pool}); a trailing {@code *} matches any word starting so; a phrase word also
 * matches two text words written together or apart ({@code time out} / {@code timeout}).
 */
final class Phrase {

    private final String written;
    private final String[] parts;
    private final boolean[] prefix;
    /** {@code [p]}: parts p and p + 1 written as one and stemmed, which one text word may stand for; else null. */
    private final String[] joinedWithNext;

    private Phrase(String written, String[] parts, boolean[] prefix) {
        this.written = written;
        this.parts = parts;
        this.prefix = prefix;
        this.joinedWithNext = new String[parts.length];
        for (int p = 0; p + 1 < parts.length; p++) {
            if (!prefix[p] && !prefix[p + 1]) joinedWithNext[p] = Words.stem(parts[p] + parts[p + 1]);
        }
    }

    static Phrase of(String written) {
        List<String> words = new ArrayList<>();
        List<Boolean> prefixes = new ArrayList<>();
        for (String raw : written.strip().split("[\\s\\-_/]+")) {
            boolean isPrefix = raw.endsWith("*");
            String w = PlainText.words(isPrefix ? raw.substring(0, raw.length() - 1) : raw).replace(" ", "");
            if (w.isEmpty()) continue;
            words.add(isPrefix ? w : Words.stem(w));
            prefixes.add(isPrefix);
        }
        boolean[] p = new boolean[prefixes.size()];
        for (int i = 0; i < p.length; i++) p[i] = prefixes.get(i);
        return new Phrase(written, words.toArray(String[]::new), p);
    }

    String written() {
        return written;
    }

    boolean isEmpty() {
        return parts.length == 0;
    }

    /** The first word, for indexing; prefix words are indexed by the caller separately. */
    String first() {
        return parts[0];
    }

    boolean firstIsPrefix() {
        return prefix[0];
    }

    /**
     * The first two words written as one ({@code time out} → {@code timeout}), which {@link #matchAt} also takes
     * for the first text word; null when the phrase has no such form.
     */
    String firstTwoJoined() {
        if (parts.length < 2 || prefix[0] || prefix[1]) return null;
        return Words.stem(parts[0] + parts[1]);
    }

    boolean startsNegated() {
        return Words.isNegation(parts[0]);
    }

    /** How many text words the phrase covers when it matches at {@code at}, or 0 when it does not. */
    int matchAt(Words text, int at) {
        int t = at;
        for (int p = 0; p < parts.length; p++) {
            if (t >= text.size()) return 0;
            String word = text.get(t);
            if (wordMatches(p, word)) {
                t++;
            } else if (t + 1 < text.size() && mayStartJoined(p, word) && wordMatches(p, joined(word, text.get(t + 1)))) {
                t += 2;
            } else if (joinedWithNext[p] != null && word.equals(joinedWithNext[p])) {
                t++;
                p++;
            } else {
                return 0;
            }
        }
        return t - at;
    }

    /**
     * False only when two text words starting with {@code word} cannot match part {@code p} written as one: their
     * joined stem starts with the first character of {@code word} (a stem only cuts a word's end and lower-cases
     * it, and a stem's ASCII letter stays as it is), and so must the part.
     */
    private boolean mayStartJoined(int p, String word) {
        char first = word.charAt(0);
        return first >= 128 || parts[p].charAt(0) == first;
    }

    private static String joined(String a, String b) {
        return Words.stem(a + b);
    }

    private boolean wordMatches(int p, String word) {
        return prefix[p] ? word.startsWith(parts[p]) : word.equals(parts[p]);
    }
}
