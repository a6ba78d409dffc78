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
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                w.append(Character.toLowerCase(c));
            } else if (!w.isEmpty()) {
                stems.add(stem(w.toString()));
                w.setLength(0);
            }
        }
        return new Words(stems);
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
