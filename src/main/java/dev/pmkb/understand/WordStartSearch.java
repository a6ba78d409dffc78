package dev.pmkb.understand;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pattern.matcher(text).find()} for a pattern of the form {@code \b(?:word|word|...)...} (possibly behind
 * a look-behind), trying the regex only where it can match: at the start of a word whose first letter is the
 * first letter of one of its words.
 * Those patterns ask "is any of these words in the text?" of every timeline entry and action item; a regex
 * tried at every character spends most of its time failing on letters no word starts with.
 *
 * <p>The answer is the regex's own: a position is skipped only when the regex cannot match there. A match's
 * first character, case-folded as {@link Pattern#UNICODE_CASE} folds it, is one of the initials; folding accepts
 * at least every character a plain or case-insensitive pattern would, so the test holds for all three. When that
 * character is an ASCII letter or digit, the word boundary before it also rules out an ASCII letter, digit or
 * underscore just before. (A non-ASCII one, such as the long s that folds to s, may not count as a word character
 * for the boundary, so there the regex decides.) The character after the initial is tested the same way, against
 * the second characters of the words with that initial, when all of those are plain letters or digits.
 */
final class WordStartSearch {

    private final Pattern pattern;
    private final boolean[] initials = new boolean[128];
    /**
     * {@code [initial]}: the {@link #bit} of {@code c} set when a word with that initial goes on with the ASCII
     * letter or digit {@code c}; all bits set when one goes on with anything else (regex syntax, a space, nothing). The
     * second character cuts the tries at words such as "the" and "was" that share an initial with a word.
     */
    private final long[] seconds = new long[128];
    /**
     * {@code [pair(initial, second)]}: the bits of the third characters the words that start so go on with, as
     * {@link #seconds} holds the second ones; all bits set when one goes on with anything else. Asked only when
     * every word with the initial has a plain second character ({@link #anyThird}): "the" and "was" share two
     * characters with "thought" and "wasn t", few words three.
     */
    private final long[] thirds = new long[36 * 36];
    /** {@code [initial]}: a word with that initial has no plain second character, so any third may follow. */
    private final boolean[] anyThird = new boolean[128];

    /** {@code words} are the alternatives as written in the pattern; only their first two characters are read. */
    WordStartSearch(Pattern pattern, List<String> words) {
        this.pattern = pattern;
        for (String word : words) {
            String w = word.startsWith("\\b") ? word.substring(2) : word;
            char first = w.isEmpty() ? ' ' : w.charAt(0);
            if (!isAsciiLowerOrDigit(first)) {
                throw new IllegalArgumentException("not a lower-case word start: " + word);
            }
            initials[first] = true;
            long second = secondsOf(w);
            seconds[first] |= second;
            if (second == ANY) anyThird[first] = true;
            else thirds[pair(first, w.charAt(1))] |= thirdsOf(w);
        }
    }

    /** {@link #secondsOf} one character on, for a word whose first two characters are plain. */
    private static long thirdsOf(String word) {
        if (word.length() < 3) return ANY;
        char third = word.charAt(2);
        boolean optional = word.length() > 3 && "?*{".indexOf(word.charAt(3)) >= 0;
        return isAsciiLowerOrDigit(third) && !optional ? bit(third) : ANY;
    }

    /**
     * The characters a match of {@code word} can have second: its second character when that is a lower-case
     * ASCII letter or digit that nothing makes optional, else any. As with the initial, the text's character is
     * case-folded before the test, which accepts at least what the regex accepts.
     */
    private static long secondsOf(String word) {
        if (word.length() < 2) return ANY;
        char second = word.charAt(1);
        boolean optional = word.length() > 2 && "?*{".indexOf(word.charAt(2)) >= 0;
        return isAsciiLowerOrDigit(second) && !optional ? bit(second) : ANY;
    }

    private static final long ANY = -1L;

    /** A lower-case ASCII letter or digit as one of 36 bits. */
    private static long bit(char c) {
        return 1L << code(c);
    }

    /** A lower-case ASCII letter or digit as a number below 36. */
    private static int code(char c) {
        return c <= '9' ? c - '0' : 10 + c - 'a';
    }

    /** Two lower-case ASCII letters or digits as a number below 36 * 36. */
    private static int pair(char first, char second) {
        return code(first) * 36 + code(second);
    }

    private static boolean isAsciiLowerOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Whether a word with this initial may go on with {@code second} (folded; 0 past the end of the text). */
    private boolean maySecond(char initial, char second) {
        long allowed = seconds[initial];
        if (allowed == ANY) return true;
        return isAsciiLowerOrDigit(second) && (allowed & bit(second)) != 0;
    }

    /**
     * Whether a word with this initial, and {@code second} next as {@link #maySecond} allows, may go on with
     * {@code third} (folded; 0 past the end of the text).
     */
    private boolean mayThird(char initial, char second, char third) {
        if (anyThird[initial]) return true;
        long allowed = thirds[pair(initial, second)];
        if (allowed == ANY) return true;
        return isAsciiLowerOrDigit(third) && (allowed & bit(third)) != 0;
    }

    /** The same answer as {@code pattern.matcher(text).find()}. */
    boolean find(String text) {
        return first(Starts.of(text)) != null;
    }

    /** The same, for a text several searches share. */
    boolean find(Starts text) {
        return first(text) != null;
    }

    /**
     * A matcher on the first match, the one {@code pattern.matcher(text).find()} finds (its start, end and
     * groups), or null when there is none.
     */
    Matcher first(String text) {
        return first(Starts.of(text));
    }

    private Matcher first(Starts starts) {
        Matcher m = null;
        int n = starts.text.length();
        for (int k = 0; k < starts.count; k++) {
            char initial = starts.initials[k];
            if (!initials[initial] || !maySecond(initial, starts.seconds[k])
                    || !mayThird(initial, starts.seconds[k], starts.thirds[k])) {
                continue;
            }
            if (m == null) m = pattern.matcher(starts.text).useTransparentBounds(true).useAnchoringBounds(false);
            if (m.region(starts.positions[k], n).lookingAt()) return m;
        }
        return null;
    }

    /**
     * Where in a text a word can start, with its first character case-folded: found in one pass and shared by
     * all the searches over the same text (the five timeline kinds, the thirteen action themes).
     */
    static final class Starts {
        private final String text;
        private final int[] positions;
        private final char[] initials;
        /** The character after each initial, folded the same way; 0 at the end of the text. */
        private final char[] seconds;
        /** The character after that, folded the same way; 0 past the end of the text. */
        private final char[] thirds;
        private final int count;

        private Starts(String text, int[] positions, char[] initials, char[] seconds, char[] thirds, int count) {
            this.text = text;
            this.positions = positions;
            this.initials = initials;
            this.seconds = seconds;
            this.thirds = thirds;
            this.count = count;
        }

        static Starts of(String text) {
            int n = text.length();
            int[] positions = new int[Math.min(n, 16)];
            char[] initials = new char[positions.length];
            char[] seconds = new char[positions.length];
            char[] thirds = new char[positions.length];
            int count = 0;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                char folded = fold(c);
                if (!isAsciiLetterOrDigit(folded)) continue;
                if (c < 128 && i > 0 && isAsciiWordChar(text.charAt(i - 1))) continue;
                if (count == positions.length) {
                    positions = java.util.Arrays.copyOf(positions, count * 2);
                    initials = java.util.Arrays.copyOf(initials, count * 2);
                    seconds = java.util.Arrays.copyOf(seconds, count * 2);
                    thirds = java.util.Arrays.copyOf(thirds, count * 2);
                }
                positions[count] = i;
                initials[count] = folded;
                seconds[count] = i + 1 < n ? fold(text.charAt(i + 1)) : 0;
                thirds[count] = i + 2 < n ? fold(text.charAt(i + 2)) : 0;
                count++;
            }
            return new Starts(text, positions, initials, seconds, thirds, count);
        }

        /** Lower-case for ASCII; for other characters the folding of {@link Pattern#UNICODE_CASE}. */
        private static char fold(char c) {
            if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            return Character.toLowerCase(Character.toUpperCase(c));
        }

        private static boolean isAsciiLetterOrDigit(char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }

        private static boolean isAsciiWordChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
    }
}
