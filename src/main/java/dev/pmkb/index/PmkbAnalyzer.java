package dev.pmkb.index;

import java.util.List;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * The one English analysis chain of pmkb, chosen so that {@code assets/js/search/core/analyze.js} reproduces it
 * token for token (see docs/search.md, "Analysis"):
 *
 * <ol>
 *   <li>split into runs of letters, combining marks and decimal digits ({@link #isTokenChar}); a run is cut
 *       every {@value #MAX_TOKEN_LENGTH} UTF-16 units ({@link CharTokenizer} semantics);
 *   <li>lower-case per code point with {@link Character#toLowerCase(int)};
 *   <li>drop {@link #STOP_WORDS} (Lucene's English set plus the clitics that the split leaves behind:
 *       {@code server's} gives {@code server} + {@code s}, {@code don't} gives {@code don} + {@code t});
 *       positions of dropped words are kept as gaps;
 *   <li>Lucene's Porter stemmer.
 * </ol>
 *
 * No accent folding: {@code café} stays {@code café}.
 */
public final class PmkbAnalyzer extends Analyzer {

    public static final int MAX_TOKEN_LENGTH = CharTokenizer.DEFAULT_MAX_WORD_LEN;

    /**
     * Lucene's English stop words (EnglishAnalyzer), the clitics left by splitting at apostrophes, and the words
     * of a question ("why did …"), which only kept readers' questions from matching. The export writes this list
     * into the manifest: the browser has no copy of its own.
     */
    public static final List<String> STOP_WORDS = List.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
            "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
            "was", "will", "with",
            "s", "t", "d", "m", "ll", "re", "ve",
            "what", "why", "how", "when", "where", "which", "who", "did", "does", "do", "were", "has", "have",
            "had", "can", "could", "would", "should");

    private static final CharArraySet STOP_SET = CharArraySet.unmodifiableSet(new CharArraySet(STOP_WORDS, false));

    /** Letters (Lu Ll Lt Lm Lo), combining marks (Mn Mc Me) and decimal digits (Nd). */
    public static boolean isTokenChar(int cp) {
        if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        if (Character.isLetterOrDigit(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** True when the lower-cased word is dropped by the chain. */
    public static boolean isStopWord(String lowerCased) {
        return STOP_SET.contains(lowerCased);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(PmkbAnalyzer::isTokenChar);
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new StopFilter(stream, STOP_SET);
        StemCache stems = new StemCache();
        stream = stems.new Lookup(stream);
        stream = new PorterStemFilter(stream); // passes over the words the cache has stemmed (marked as keywords)
        stream = stems.new Store(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /**
     * Porter stems of the words one chain has already seen (an analyzer keeps a chain per thread): words repeat
     * across a library, and stemming each occurrence again was a quarter of indexing's CPU. Bounded, so that a
     * library full of unique tokens cannot grow it without end.
     */
    private static final class StemCache {
        private static final int MAX_WORDS = 50_000;
        private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
        /** The word in flight before stemming, when the cache did not know it. */
        private char[] unstemmed;

        /** Before the stemmer: a known word becomes its stem and is marked so that the stemmer leaves it alone. */
        final class Lookup extends TokenFilter {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

            Lookup(TokenStream input) {
                super(input);
            }

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) return false;
                char[] stem = keyword.isKeyword() ? null : stems.get(term.buffer(), 0, term.length());
                if (stem != null) {
                    term.copyBuffer(stem, 0, stem.length);
                    keyword.setKeyword(true);
                }
                unstemmed = stem != null || keyword.isKeyword() ? null : Arrays.copyOf(term.buffer(), term.length());
                return true;
            }
        }

        /** After the stemmer: remembers the stem of a word the cache did not know. */
        final class Store extends TokenFilter {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            Store(TokenStream input) {
                super(input);
            }

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) return false;
                if (unstemmed != null && stems.size() < MAX_WORDS) {
                    stems.put(unstemmed, Arrays.copyOf(term.buffer(), term.length()));
                }
                unstemmed = null;
                return true;
            }
        }
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
