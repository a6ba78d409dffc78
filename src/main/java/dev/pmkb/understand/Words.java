package dev.pmkb.understand;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text as a sequence of lower-case word stems, for phrase matching that does not care about plurals,
 * hyphens, case or punctuation: "Connection-Pools" and "connection pool" are the same two stems.
 *
 * <p>The text is cut into words at once, but a word's stem is made only when asked for: a phrase lookup asks for
 * few of them, as most words start with two letters no phrase starts with ({@link #firstTwo}), and a whole
 * postmortem's words are looked up for its components.
 */
final class Words {

    private static final Set<String> NEGATIONS = Set.of("not", "no", "t", "never", "ruled", "rather", "instead",
            "suspected", "assumed", "thought", "initially", "without", "nor");

    /** The text the words were cut from; null when they were given as stems ({@link #ofStems}). */
    private final String text;
    private int[] starts;
    private int[] ends;
    private final String[] stems;
    private final int size;

    private Words(String text, int[] starts, int[] ends, int size) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.size = size;
        this.stems = new String[size];
    }

    private Words(List<String> stems) {
        this.text = null;
        this.stems = stems.toArray(String[]::new);
        this.size = this.stems.length;
    }

    static Words of(String text) {
        if (text == null) return new Words(List.of());
        int n = text.length();
        int[] starts = new int[Math.min(16, n / 2 + 1)];
        int[] ends = new int[starts.length];
        int count = 0;
        int i = 0;
        while (i < n) {
            if (!isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            do {
                i++;
            } while (i < n && isLetterOrDigit(text.charAt(i)));
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
        return new Words(text, starts, ends, count);
    }

    /**
     * Words already cut and stemmed, without the text they came from: every question is answered from the stems
     * (PhraseIndexPropertyTest holds a text's words to these, made by the cut of old).
     */
    static Words ofStems(List<String> stems) {
        return new Words(stems);
    }

    /** {@link Character#isLetterOrDigit(char)}, answered without a table lookup for ASCII. */
    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? ASCII_LETTER_OR_DIGIT[c] : Character.isLetterOrDigit(c);
    }

    private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_LETTER_OR_DIGIT[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }

    private static String lowerCase(String text, int from, int to) {
        StringBuilder w = new StringBuilder(to - from);
        for (int i = from; i < to; i++) w.append(Character.toLowerCase(text.charAt(i)));
        return w.toString();
    }

    int size() {
        return size;
    }

    String get(int i) {
        String stem = stems[i];
        if (stem == null) {
            stem = stemOf(starts[i], ends[i]);
            stems[i] = stem;
        }
        return stem;
    }

    private String stemOf(int start, int end) {
        boolean lower = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c > 'z' || (c >= 'A' && c <= 'Z')) {
                lower = false;
                break;
            }
        }
        if (lower) {
            // Most words are lower-case ASCII already: the stem is a piece of the text, cut where stem() cuts.
            int cut = stemCut(start, end);
            String kept = text.substring(start, start + (cut & LENGTH));
            return (cut & WITH_Y) != 0 ? kept + "y" : kept;
        }
        return stem(lowerCase(text, start, end));
    }

    /**
     * The first two characters of stem {@code i} as {@code c0 << 7 | c1} when the text tells them without making
     * the stem, else -1. A stem only lower-cases its word and cuts its end, and keeps at least the first two
     * characters of a word of two or more: so when the word's first two characters are ASCII, they are the stem's,
     * lower-cased.
     */
    int firstTwo(int i) {
        if (text == null) return -1;
        int start = starts[i];
        if (ends[i] - start < 2) return -1;
        char c0 = text.charAt(start);
        char c1 = text.charAt(start + 1);
        if (c0 >= 128 || c1 >= 128) return -1;
        return asciiLower(c0) << 7 | asciiLower(c1);
    }

    /**
     * The first two characters of {@code stem(i) + stem(i + 1)} as {@code c0 << 7 | c1} when the text tells them
     * without making the stems (see {@link #firstTwo}; a word of one ASCII character is its own stem), else -1.
     */
    int joinedFirstTwo(int i) {
        if (text == null) return -1;
        if (ends[i] - starts[i] >= 2) return firstTwo(i);
        char c0 = text.charAt(starts[i]);
        char c1 = text.charAt(starts[i + 1]);
        if (c0 >= 128 || c1 >= 128) return -1;
        return asciiLower(c0) << 7 | asciiLower(c1);
    }

    /** The first character of stem {@code i} when the text tells it without making the stem and it is ASCII, else -1. */
    int firstAscii(int i) {
        if (text == null) return -1;
        char c0 = text.charAt(starts[i]);
        return c0 < 128 ? asciiLower(c0) : -1;
    }

    /**
     * {@code get(i).hashCode()} when word {@code i} is ASCII, made from the text without making the stem; else -1.
     * The stem of an ASCII word is its start lower-cased, followed by a {@code y} for an {@code ies} cut.
     */
    long stemHash(int i) {
        if (text == null) return -1;
        if (hashes == null) {
            hashes = new int[size];
            hashKnown = new byte[size];
        }
        if (hashKnown[i] != 0) return hashKnown[i] == ASCII ? hashes[i] & 0xffffffffL : -1;
        long h = stemHashOf(starts[i], ends[i]);
        hashKnown[i] = h < 0 ? NOT_ASCII : ASCII;
        hashes[i] = (int) h;
        return h;
    }

    /** Each word's {@link #stemHash}, made on the first call: the joined lookup asks again for most words. */
    private int[] hashes;
    private byte[] hashKnown;
    private static final byte ASCII = 1;
    private static final byte NOT_ASCII = 2;
    /** {@code 31^k} as {@code int} arithmetic makes it, for words of fewer than 64 characters. */
    private static final int[] POWERS_OF_31 = new int[64];

    static {
        POWERS_OF_31[0] = 1;
        for (int k = 1; k < POWERS_OF_31.length; k++) POWERS_OF_31[k] = 31 * POWERS_OF_31[k - 1];
    }

    private long stemHashOf(int start, int end) {
        // Most words end in no s, and their stem is the whole word: one pass makes its hash.
        int h = 0;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c >= 128) return -1;
            h = 31 * h + asciiLower(c);
        }
        if (end - start <= 3 || asciiLower(text.charAt(end - 1)) != 's') return h & 0xffffffffL;
        int cut = stemCut(start, end);
        h = hashOf(start, cut & LENGTH);
        if ((cut & WITH_Y) != 0) h = 31 * h + 'y';
        return h & 0xffffffffL;
    }

    /**
     * {@code Words.stem(get(i) + get(i + 1)).hashCode()}, the key of the two words written as one, made from the
     * text when both are ASCII; else -1.
     */
    long joinedStemHash(int i) {
        if (text == null) return -1;
        int nextStart = starts[i + 1];
        int nextEnd = ends[i + 1];
        if (asciiLower(text.charAt(nextEnd - 1)) != 's' && nextEnd - nextStart < POWERS_OF_31.length) {
            // The second word's stem is the word, and the joined stem the two stems: hash(a + b) is
            // hash(a) * 31^|b| + hash(b).
            long first = stemHash(i);
            long second = stemHash(i + 1);
            if (first < 0 || second < 0) return -1;
            return ((int) first * POWERS_OF_31[nextEnd - nextStart] + (int) second) & 0xffffffffL;
        }
        int first = stemCut(starts[i], ends[i]);
        int second = stemCut(nextStart, nextEnd);
        if (first < 0 || second < 0) return -1;
        // "… was", "… is", "… this": the joined stem is cut as stem() cuts it, read off the joined characters.
        AsciiWord joined = new AsciiWord(first, second, starts[i], nextStart);
        int cut = joined.cut();
        int h = 0;
        for (int k = 0, keep = cut & LENGTH; k < keep; k++) h = 31 * h + joined.charAt(k);
        if ((cut & WITH_Y) != 0) h = 31 * h + 'y';
        return h & 0xffffffffL;
    }

    /**
     * An ASCII word read lower-cased without being made: two words' stems written as one (each given by its
     * {@link #stemCut}), or one word of the text (its whole length, and an empty second).
     */
    private final class AsciiWord {
        final int length;
        private final int firstKept;
        private final int firstLength;
        private final int secondKept;
        private final int firstStart;
        private final int secondStart;

        AsciiWord(int firstCut, int secondCut, int firstStart, int secondStart) {
            this.firstKept = firstCut & LENGTH;
            this.firstLength = firstKept + ((firstCut & WITH_Y) != 0 ? 1 : 0);
            this.secondKept = secondCut & LENGTH;
            this.length = firstLength + secondKept + ((secondCut & WITH_Y) != 0 ? 1 : 0);
            this.firstStart = firstStart;
            this.secondStart = secondStart;
        }

        char charAt(int k) {
            if (k < firstLength) return k < firstKept ? asciiLower(text.charAt(firstStart + k)) : 'y';
            k -= firstLength;
            return k < secondKept ? asciiLower(text.charAt(secondStart + k)) : 'y';
        }

        /** How {@link #stem} cuts this word: the characters it keeps, with {@link #WITH_Y} when a y follows. */
        int cut() {
            int n = length;
            if (n <= 3 || charAt(n - 1) != 's') return n;
            if (n > 4 && endsWith("ies")) return (n - 3) | WITH_Y;
            if (n > 4 && (endsWith("sses") || endsWith("shes") || endsWith("ches") || endsWith("xes"))) return n - 2;
            if (!endsWith("ss") && !endsWith("us") && !endsWith("is")) return n - 1;
            return n;
        }

        private boolean endsWith(String ending) {
            if (ending.length() > length) return false;
            for (int k = 0; k < ending.length(); k++) {
                if (charAt(length - ending.length() + k) != ending.charAt(k)) return false;
            }
            return true;
        }
    }

    private static final int LENGTH = 0x3fffffff;
    private static final int WITH_Y = 0x40000000;

    /**
     * How {@link #stem} cuts the ASCII word {@code text[start, end)}: how many of its characters the stem keeps,
     * with {@link #WITH_Y} when a {@code y} follows them; -1 for a word with other characters.
     */
    private int stemCut(int start, int end) {
        for (int k = start; k < end; k++) {
            if (text.charAt(k) >= 128) return -1;
        }
        int n = end - start;
        // most words end in no s and keep every character: no view of them is made
        if (n <= 3 || asciiLower(text.charAt(end - 1)) != 's') return n;
        return new AsciiWord(n, 0, start, start).cut();
    }

    /** {@link String#hashCode} of the ASCII text {@code [start, start + length)} lower-cased. */
    private int hashOf(int start, int length) {
        int h = 0;
        for (int k = start, end = start + length; k < end; k++) h = 31 * h + asciiLower(text.charAt(k));
        return h;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
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
            if (NEGATIONS.contains(get(i))) return true;
        }
        return false;
    }

    static boolean isNegation(String stem) {
        return NEGATIONS.contains(stem);
    }
}
