package dev.pmkb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.ToIntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * {@link PmkbAnalyzer}'s tokens of a text as numbers, with positions and offsets, for one thread: the same tokens
 * in the same places, at a fraction of the cost. The chain's steps after splitting (lower-casing, stop words,
 * stemming) depend on the word alone, so each distinct word is run through the analyzer once and its number kept;
 * every further occurrence costs a hash lookup on the text's characters, without a string or a token object. The
 * split itself is {@link org.apache.lucene.analysis.util.CharTokenizer}'s: runs of {@link PmkbAnalyzer#isTokenChar}
 * code points, cut every {@link PmkbAnalyzer#MAX_TOKEN_LENGTH} UTF-16 units; a dropped stop word leaves a gap in the
 * positions.
 *
 * <p>Relating a library of 10,000 write-ups reads some ten million words; through the analyzer and a shared
 * dictionary this was most of its time.
 */
final class TermScanner {

    /** The number of a word the chain drops. */
    private static final int DROPPED = Integer.MIN_VALUE;
    private static final boolean[] ASCII_TOKEN_CHARS = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) ASCII_TOKEN_CHARS[c] = PmkbAnalyzer.isTokenChar(c);
    }

    private final Analyzer analyzer;
    private final ToIntFunction<String> number;
    private char[][] words = new char[1024][];
    private int[] numbers = new int[1024];
    private int size;
    /** The term of each number this scanner gave, by number. */
    private String[] names = new String[1024];
    private char[] chars = new char[1024];
    /** The last scan's tokens: {@link #count} of them, term, position and offsets of each. */
    int[] terms = new int[256];
    int[] positions = new int[256];
    int[] starts = new int[256];
    int[] ends = new int[256];
    int count;

    /** {@code number} gives each analysed term its number; it must give the same term the same number. */
    TermScanner(Analyzer analyzer, ToIntFunction<String> number) {
        this.analyzer = analyzer;
        this.number = number;
    }

    /** The numbers of the text's terms, in order. */
    int[] terms(String text) {
        if (text == null || text.isEmpty()) return new int[0];
        scan(text);
        return java.util.Arrays.copyOf(terms, count);
    }

    /** The term this scanner numbered {@code number}: every number it gave has one. */
    String term(int number) {
        return names[number];
    }

    /** Reads the tokens of {@code text} the chain keeps into {@link #terms} and the others; returns how many. */
    int scan(String text) {
        int length = text.length();
        if (chars.length < length) chars = new char[Math.max(length, chars.length * 2)];
        char[] chars = this.chars;
        text.getChars(0, length, chars, 0);
        count = 0;
        int position = -1;
        int at = 0;
        while (at < length) {
            char c = chars[at];
            if (c < 0x80) {
                if (!ASCII_TOKEN_CHARS[c]) {
                    at++;
                    continue;
                }
            } else {
                int codePoint = Character.codePointAt(chars, at, length);
                if (!PmkbAnalyzer.isTokenChar(codePoint)) {
                    at += Character.charCount(codePoint);
                    continue;
                }
            }
            int start = at;
            int hash = 0;
            while (at < length) {
                c = chars[at];
                if (c < 0x80) {
                    if (!ASCII_TOKEN_CHARS[c]) break;
                    hash = 31 * hash + c;
                    at++;
                } else {
                    int codePoint = Character.codePointAt(chars, at, length);
                    if (!PmkbAnalyzer.isTokenChar(codePoint)) break;
                    hash = 31 * hash + c;
                    if (Character.charCount(codePoint) == 2) hash = 31 * hash + chars[at + 1];
                    at += Character.charCount(codePoint);
                }
                if (at - start >= PmkbAnalyzer.MAX_TOKEN_LENGTH) break; // the tokenizer's buffer is full
            }
            position++;
            int term = lookup(chars, start, at, hash);
            if (term == DROPPED) continue;
            if (count == terms.length) grow();
            terms[count] = term;
            positions[count] = position;
            starts[count] = start;
            ends[count++] = at;
        }
        return count;
    }

    private void grow() {
        terms = java.util.Arrays.copyOf(terms, count * 2);
        positions = java.util.Arrays.copyOf(positions, count * 2);
        starts = java.util.Arrays.copyOf(starts, count * 2);
        ends = java.util.Arrays.copyOf(ends, count * 2);
    }

    private int lookup(char[] text, int start, int end, int hash) {
        int mask = words.length - 1;
        int length = end - start;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            char[] word = words[slot];
            if (word == null) return add(slot, java.util.Arrays.copyOfRange(text, start, end));
            if (word.length == length && same(word, text, start)) return numbers[slot];
        }
    }

    private static boolean same(char[] word, char[] text, int start) {
        for (int i = 0; i < word.length; i++) if (word[i] != text[start + i]) return false;
        return true;
    }

    private int add(int slot, char[] word) {
        int term = analyse(new String(word));
        words[slot] = word;
        numbers[slot] = term;
        if (++size * 2 > words.length) growTable();
        return term;
    }

    /** The word's one term through the whole chain, or {@link #DROPPED}. */
    private int analyse(String word) {
        try (TokenStream stream = analyzer.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String only = stream.incrementToken() ? term.toString() : null;
            if (only != null && stream.incrementToken()) {
                throw new IllegalStateException("one word gave two tokens: " + word);
            }
            stream.end();
            if (only == null) return DROPPED;
            int numbered = number.applyAsInt(only);
            if (numbered >= names.length) {
                names = java.util.Arrays.copyOf(names, Math.max(numbered + 1, names.length * 2));
            }
            names[numbered] = only;
            return numbered;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail
        }
    }

    private void growTable() {
        char[][] oldWords = words;
        int[] oldNumbers = numbers;
        words = new char[oldWords.length * 2][];
        numbers = new int[oldWords.length * 2];
        int mask = words.length - 1;
        for (int i = 0; i < oldWords.length; i++) {
            char[] word = oldWords[i];
            if (word == null) continue;
            int slot = mix(hash(word)) & mask;
            while (words[slot] != null) slot = (slot + 1) & mask;
            words[slot] = word;
            numbers[slot] = oldNumbers[i];
        }
    }

    private static int hash(char[] word) {
        int hash = 0;
        for (char c : word) hash = 31 * hash + c;
        return hash;
    }

    /** Spreads the string hash over the table's low bits. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
