package dev.pmkb.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text as a sequence of lower-case word stems, for phrase matching that does not care about plurals,
 * hyphens, case or punctuation: "Connection-Pools" and "connection pool" are the same two stems.
 */
final class Words {

    private static final Set<String> NEGATIONS = Set.of("not", "no", "t", "never", "ruled", "rather", "instead",
            "suspected", "assumed", "thought", "initially", "without", "nor");

    private final List<String> stems;

    private Words(List<String> stems) {
        this.stems = stems;
    }

    static Words of(String text) {
        List<String> stems = new ArrayList<>();
        if (text == null) return new Words(stems);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean lower = true;
            for (; i < n && isLetterOrDigit(text.charAt(i)); i++) {
                char c = text.charAt(i);
                if (c > 'z' || (c >= 'A' && c <= 'Z')) lower = false;
            }
            // Most words are lower-case ASCII already: then the word is the text itself, not a copy built a
            // character at a time.
            stems.add(stem(lower ? text.substring(start, i) : lowerCase(text, start, i)));
        }
        return new Words(stems);
    }

    /** {@link Character#isLetterOrDigit(char)}, answered without a table lookup for ASCII. */
    private static boolean isLetterOrDigit(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return Character.isLetterOrDigit(c);
    }

    private static String lowerCase(String text, int from, int to) {
        StringBuilder w = new StringBuilder(to - from);
        for (int i = from; i < to; i++) w.append(Character.toLowerCase(text.charAt(i)));
        return w.toString();
    }

    int size() {
        return stems.size();
    }

    String get(int i) {
        return stems.get(i);
    }

    /** A light English stemmer: enough to fold plurals ("queries" → "query", "pools" → "pool"). */
    static String stem(String w) {
        int n = w.length();
        // Every ending cut below ends in s: most words end otherwise and are only lower-cased.
        if (n <= 3 || w.charAt(n - 1) != 's') return w.toLowerCase(Locale.ROOT);
        if (n > 4 && w.endsWith("ies")) return w.substring(0, n - 3) + "y";
        if (n > 4 && (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes")))
            return w.substring(0, n - 2);
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is"))
            return w.substring(0, n - 1);
        return w.toLowerCase(Locale.ROOT);
    }

    /** True when a negating word stands within three words before {@code index}. */
    boolean negatedAt(int index) {
        for (int i = Math.max(0, index - 3); i < index; i++) {
            if (NEGATIONS.contains(stems.get(i))) return true;
        }
        return false;
    }

    static boolean isNegation(String stem) {
        return NEGATIONS.contains(stem);
    }
}
