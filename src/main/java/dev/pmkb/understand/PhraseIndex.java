package dev.pmkb.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of many labelled phrase sets occur in a text, in one pass over its words: each text word is
 * looked up by its stem, so the cost grows with the text, not with text × phrases.
 *
 * @param <T> the label a phrase belongs to (a cause tag, a component)
 */
final class PhraseIndex<T> {

    /** One occurrence: which label, at which word, and how strong the evidence is (longer phrases are). */
    record Hit<T>(T label, int word, int length, String phrase) {

        /** True when an exception phrase of the same label covers this hit: "nginx upstream" is no third party. */
        boolean isExceptedBy(List<Hit<T>> exceptions) {
            for (Hit<T> e : exceptions) {
                if (e.label().equals(label) && e.word() < word + length && word < e.word() + e.length()) return true;
            }
            return false;
        }
    }

    private record Entry<T>(T label, Phrase phrase) {
    }

    private final Map<String, List<Entry<T>>> byFirstWord = new HashMap<>();
    /** Phrases whose first word is a prefix ({@code misconfigur*}), by its first letter, in the order added. */
    private final Map<Character, List<Entry<T>>> byPrefixInitial = new HashMap<>();
    /** {@link #byPrefixInitial} for ASCII initials, looked up without boxing the letter for every word of a text. */
    @SuppressWarnings("unchecked")
    private final List<Entry<T>>[] byAsciiPrefixInitial = new List[128];
    /**
     * {@code [c0 << 7 | c1]} is true when a first word starts with the ASCII letters or digits {@code c0 c1}:
     * a cheap test that spares most words the joined lookup ("time out" → "timeout").
     */
    private final boolean[] firstTwoLetters = new boolean[128 * 128];
    /**
     * {@code [spread(hash)]} is true when a first word has that string hash: most words that pass
     * {@link #firstTwoLetters} ("the", "con…") are still no first word, and a text's ASCII words tell their stem's
     * hash without the stem being made ({@link Words#stemHash}).
     */
    private final boolean[] firstWordHashes = new boolean[1 << HASH_BITS];
    private static final int HASH_BITS = 16;
    /** {@code [c0 << 7 | c1]}: a prefix starts with the ASCII letters or digits {@code c0 c1}. */
    private final boolean[] prefixFirstTwo = new boolean[128 * 128];
    /** {@code [c]}: a prefix starts with {@code c} and has no second ASCII letter or digit to tell it by. */
    private final boolean[] prefixByInitialOnly = new boolean[128];

    void add(T label, String phrase) {
        Phrase p = Phrase.of(phrase);
        if (p.isEmpty()) return;
        Entry<T> e = new Entry<>(label, p);
        if (p.firstIsPrefix()) {
            List<Entry<T>> entries = byPrefixInitial.computeIfAbsent(p.first().charAt(0), k -> new ArrayList<>());
            entries.add(e);
            String first = p.first();
            if (first.charAt(0) < 128) byAsciiPrefixInitial[first.charAt(0)] = entries;
            if (first.length() >= 2 && isAsciiLowerOrDigit(first.charAt(0)) && isAsciiLowerOrDigit(first.charAt(1))) {
                prefixFirstTwo[first.charAt(0) << 7 | first.charAt(1)] = true;
            } else if (first.charAt(0) < 128) {
                prefixByInitialOnly[first.charAt(0)] = true;
            }
        } else {
            indexUnder(p.first(), e);
            // "timeout" in the text is the phrase "time out" too.
            String joined = p.firstTwoJoined();
            if (joined != null && !joined.equals(p.first())) indexUnder(joined, e);
        }
    }

    private void indexUnder(String first, Entry<T> e) {
        byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
        firstWordHashes[spread(first.hashCode())] = true;
        if (first.length() >= 2 && isAsciiLowerOrDigit(first.charAt(0)) && isAsciiLowerOrDigit(first.charAt(1))) {
            firstTwoLetters[first.charAt(0) << 7 | first.charAt(1)] = true;
        }
    }

    /**
     * Every non-negated occurrence, at most one per label and word position. A word's stem is made only when a
     * phrase may start there: the first two letters the text shows for most words already say none can.
     */
    List<Hit<T>> find(Words text) {
        List<Hit<T>> hits = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            int two = text.firstTwo(i);
            if ((two < 0 || firstTwoLetters[two]) && mayHaveFirstWordHash(text.stemHash(i))) {
                String w = text.get(i);
                if (mayBeFirstWord(w)) collect(text, i, byFirstWord.get(w), hits);
            }
            // "time out" in the text must find the phrase "timeout".
            if (i + 1 < text.size()) {
                int joinedTwo = text.joinedFirstTwo(i);
                boolean mayBe = joinedTwo < 0 ? joinedMayBeFirstWord(text.get(i), text.get(i + 1))
                        : firstTwoLetters[joinedTwo] && mayHaveFirstWordHash(text.joinedStemHash(i));
                if (mayBe) collect(text, i, byFirstWord.get(Words.stem(text.get(i) + text.get(i + 1))), hits);
            }
            // A word starts with a prefix only if it starts with the prefix's first two letters.
            if (two >= 0 ? !prefixFirstTwo[two] && !prefixByInitialOnly[two >> 7]
                    : text.firstAscii(i) >= 0 && byAsciiPrefixInitial[text.firstAscii(i)] == null) {
                continue;
            }
            String w = text.get(i);
            List<Entry<T>> prefixed = w.isEmpty() ? null
                    : w.charAt(0) < 128 ? byAsciiPrefixInitial[w.charAt(0)] : byPrefixInitial.get(w.charAt(0));
            if (prefixed != null) {
                for (Entry<T> e : prefixed) {
                    if (w.startsWith(e.phrase().first())) collect(text, i, List.of(e), hits);
                }
            }
        }
        return hits;
    }

    /** False only when {@code hash} is a stem's hash and no first word has it. */
    private boolean mayHaveFirstWordHash(long hash) {
        return hash < 0 || firstWordHashes[spread((int) hash)];
    }

    private static int spread(int hash) {
        return (hash ^ (hash >>> HASH_BITS)) & ((1 << HASH_BITS) - 1);
    }

    /**
     * False only when {@code Words.stem(word + next)} is certainly no first word: the stem keeps the first two
     * characters of a joined word of lower-case ASCII letters and digits (it only cuts or lower-cases the end),
     * so when no first word starts with them the map need not be asked. Anything else is left to the map.
     */
    private boolean joinedMayBeFirstWord(String word, String next) {
        if (word.isEmpty() || next.isEmpty()) return true;
        char c0 = word.charAt(0);
        char c1 = word.length() > 1 ? word.charAt(1) : next.charAt(0);
        if (!isAsciiLowerOrDigit(c0) || !isAsciiLowerOrDigit(c1)) return true;
        return firstTwoLetters[c0 << 7 | c1];
    }

    /**
     * False only when {@code word} is certainly no first word: every first word of two or more lower-case ASCII
     * letters and digits is in {@link #firstTwoLetters}, so a word of such letters that starts with two no first
     * word starts with need not be looked up (most words of a text).
     */
    private boolean mayBeFirstWord(String word) {
        if (word.length() < 2) return true;
        char c0 = word.charAt(0);
        char c1 = word.charAt(1);
        if (!isAsciiLowerOrDigit(c0) || !isAsciiLowerOrDigit(c1)) return true;
        return firstTwoLetters[c0 << 7 | c1];
    }

    private static boolean isAsciiLowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private void collect(Words text, int at, List<Entry<T>> entries, List<Hit<T>> hits) {
        if (entries == null) return;
        for (Entry<T> e : entries) {
            int len = e.phrase().matchAt(text, at);
            if (len == 0) continue;
            if (!e.phrase().startsNegated() && text.negatedAt(at)) continue;
            boolean seen = false;
            for (int h = hits.size() - 1; h >= 0 && hits.get(h).word() >= at - 3; h--) {
                if (hits.get(h).label().equals(e.label()) && hits.get(h).word() + hits.get(h).length() > at) {
                    seen = true;
                    break;
                }
            }
            if (!seen) hits.add(new Hit<>(e.label(), at, len, e.phrase().written()));
        }
    }
}
