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
 * for the boundary, so there the regex decides.)
 */
final class WordStartSearch {

    private final Pattern pattern;
    private final boolean[] initials = new boolean[128];

    /** {@code words} are the alternatives as written in the pattern; only their first characters are read. */
    WordStartSearch(Pattern pattern, List<String> words) {
        this.pattern = pattern;
        for (String word : words) {
            String w = word.startsWith("\\b") ? word.substring(2) : word;
            char first = w.isEmpty() ? ' ' : w.charAt(0);
            if (!(first >= 'a' && first <= 'z') && !(first >= '0' && first <= '9')) {
                throw new IllegalArgumentException("not a lower-case word start: " + word);
            }
            initials[first] = true;
        }
    }

    /** The same answer as {@code pattern.matcher(text).find()}. */
    boolean find(String text) {
        return first(text) != null;
    }

    /**
     * A matcher on the first match, the one {@code pattern.matcher(text).find()} finds (its start, end and
     * groups), or null when there is none.
     */
    Matcher first(String text) {
        Matcher m = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!isInitial(c) || (c < 128 && i > 0 && isAsciiWordChar(text.charAt(i - 1)))) continue;
            if (m == null) m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            if (m.region(i, n).lookingAt()) return m;
        }
        return null;
    }

    private boolean isInitial(char c) {
        char folded;
        if (c < 128) folded = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        else folded = Character.toLowerCase(Character.toUpperCase(c));
        return folded < 128 && initials[folded];
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
