package dev.pmkb.export;

import java.util.List;

/**
 * The export's number code (docs/search-index-format.md, "Number codes"): non-negative integers as runs of
 * printable ASCII characters inside JSON strings, one character for a small number. GitHub Pages gzips JSON, and
 * gzip's Huffman stage codes a stream of one-character numbers close to their entropy, while decimal numbers with
 * commas cost three or four symbols each; a binary file would be served uncompressed.
 *
 * <p>The alphabet is {@code !} to {@code ~} without {@code "} and {@code \} (92 characters, nothing to escape in
 * JSON). The first {@link #FINAL} are final digits, the rest continuation digits: a number is its continuation
 * digits in base {@link #MORE}, most significant first, then one final digit for the remainder modulo
 * {@link #FINAL}. Numbers below 60 take one character, below 1,920 two, below 61,440 three.
 */
final class NumberCodes {

    static final String ALPHABET;
    static final int FINAL = 60;
    static final int MORE;

    static {
        StringBuilder alphabet = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) if (c != '"' && c != '\\') alphabet.append(c);
        ALPHABET = alphabet.toString();
        MORE = ALPHABET.length() - FINAL;
    }

    private NumberCodes() {
    }

    static void append(StringBuilder out, int value) {
        if (value < 0) throw new IllegalArgumentException("negative: " + value);
        int high = value / FINAL;
        if (high > 0) appendHigh(out, high);
        out.append(ALPHABET.charAt(value % FINAL));
    }

    private static void appendHigh(StringBuilder out, int high) {
        if (high >= MORE) appendHigh(out, high / MORE);
        out.append(ALPHABET.charAt(FINAL + high % MORE));
    }

    /**
     * Sorted terms front-coded, separated by spaces (a term never holds one): each term is the code of how many
     * UTF-16 units it shares with the term before it, then the rest. The shared part never ends between the two
     * halves of a surrogate pair.
     */
    static String frontCoded(List<String> terms) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (String term : terms) {
            int shared = 0;
            int max = Math.min(previous.length(), term.length());
            while (shared < max && previous.charAt(shared) == term.charAt(shared)) shared++;
            if (shared > 0 && Character.isHighSurrogate(term.charAt(shared - 1))) shared--;
            if (!out.isEmpty()) out.append(' ');
            append(out, shared);
            out.append(term, shared, term.length());
            previous = term;
        }
        return out.toString();
    }
}
