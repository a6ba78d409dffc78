package dev.pmkb.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A query reduced to its clauses (docs/search.md, "Query syntax"): bare words become {@link Term}s, quoted text a
 * {@link Phrase}, an unfinished last word a {@link Prefix}; a hit must match every one of them. Bare words typed
 * side by side also give an optional {@link Phrase} in {@code proximity}: it adds to the score of hits where they
 * stand side by side in the text too. The JavaScript client parses the same way.
 */
public record ParsedQuery(List<Clause> clauses, List<Phrase> proximity) {

    /** More clauses than this is a pasted text, not a query. */
    public static final int MAX_CLAUSES = 32;

    public ParsedQuery {
        clauses = List.copyOf(clauses);
        proximity = List.copyOf(proximity);
    }

    public sealed interface Clause permits Term, Phrase, Prefix, Group {
    }

    /**
     * Words that have synonyms (docs/search.md, "Synonyms"): the clause matches when every clause of one
     * alternative does, and scores its best alternative. One alternative is the words as typed (terms, and the
     * unfinished word when it ends the match), the others the synonyms' terms.
     */
    public record Group(List<List<Clause>> alternatives) implements Clause {
        public Group {
            alternatives = alternatives.stream().map(List::copyOf).toList();
        }
    }

    /** An analysed term. */
    public record Term(String term) implements Clause {
    }

    /** Analysed terms at positions relative to the first (stop words leave gaps: {@code 0, 2}). */
    public record Phrase(List<String> terms, List<Integer> positions) implements Clause {
        public Phrase {
            terms = List.copyOf(terms);
            positions = List.copyOf(positions);
        }
    }

    /**
     * An unfinished word: {@code word} lower-cased as typed, {@code stem} its analysed term or null when it is a
     * stop word.
     */
    public record Prefix(String word, String stem) implements Clause {
    }

    private static final PmkbAnalyzer ANALYZER = new PmkbAnalyzer();

    /** Parses a query; every failure is a {@link QueryException} with a message for the user. */
    public static ParsedQuery parse(String query, boolean prefixLastTerm) throws QueryException {
        return parse(query, prefixLastTerm, SearchSettings.NONE);
    }

    /** As above, applying the synonyms of {@code settings} to bare words. */
    public static ParsedQuery parse(String query, boolean prefixLastTerm, SearchSettings settings) throws QueryException {
        if (query == null || query.isBlank()) {
            throw new QueryException("empty query: type one or more words to search for");
        }
        List<String> segments = List.of(query.split("\"", -1));
        // segments alternate bare, quoted, bare, ...; an unmatched quote quotes the rest of the query
        Set<Clause> clauses = new LinkedHashSet<>();
        Set<Phrase> proximity = new LinkedHashSet<>();
        List<String> stopWords = new ArrayList<>();
        boolean anyToken = false;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean quoted = i % 2 == 1;
            boolean last = i == segments.size() - 1;
            Prefix prefix = null;
            if (!quoted && last && prefixLastTerm) {
                List<RawToken> raw = rawTokens(segment);
                if (!raw.isEmpty() && raw.getLast().end() == segment.length()) {
                    RawToken word = raw.getLast();
                    List<String> analysed = Analysis.terms(ANALYZER, word.text());
                    prefix = new Prefix(word.lower(), analysed.isEmpty() ? null : analysed.getFirst());
                    segment = segment.substring(0, word.start());
                    anyToken = true;
                }
            }
            List<RawToken> raw = rawTokens(segment);
            anyToken |= !raw.isEmpty();
            for (RawToken token : raw) {
                if (PmkbAnalyzer.isStopWord(token.lower())) stopWords.add(token.lower());
            }
            List<Analysis.Token> tokens = Analysis.tokens(ANALYZER, segment);
            if (quoted && tokens.size() > 1) {
                int first = tokens.getFirst().position();
                clauses.add(new Phrase(tokens.stream().map(Analysis.Token::term).toList(),
                        tokens.stream().map(t -> t.position() - first).toList()));
            } else if (quoted) {
                for (Analysis.Token token : tokens) clauses.add(new Term(token.term()));
            } else {
                boolean prefixUsed = withSynonyms(tokens.stream().map(Analysis.Token::term).toList(), prefix,
                        settings, clauses);
                if (prefixUsed) prefix = null;
                if (tokens.size() > 1) {
                    int first = tokens.getFirst().position();
                    proximity.add(new Phrase(tokens.stream().map(Analysis.Token::term).toList(),
                            tokens.stream().map(t -> t.position() - first).toList()));
                }
            }
            if (prefix != null) clauses.add(prefix);
        }
        if (clauses.isEmpty()) {
            if (!anyToken) {
                throw new QueryException("nothing to search for in \"" + shorten(query)
                        + "\": a query needs letters or digits");
            }
            throw new QueryException("\"" + shorten(query) + "\" has only common words that are not indexed ("
                    + stopWords.stream().distinct().collect(Collectors.joining(", "))
                    + "); add a more specific word");
        }
        if (clauses.size() > MAX_CLAUSES) {
            throw new QueryException("query too long: " + clauses.size() + " different words and phrases, at most "
                    + MAX_CLAUSES + " are searched; keep the words that matter");
        }
        proximity.removeAll(clauses); // a quoted phrase already required
        return new ParsedQuery(new ArrayList<>(clauses), new ArrayList<>(proximity));
    }

    /**
     * Adds a bare segment's terms as clauses, each run of them that is a synonym alternative as one {@link Group}
     * (the longest run from left to right; the first set wins a tie). The unfinished word, when there is one and
     * has a stem, can end a run; returns whether a group took it.
     */
    private static boolean withSynonyms(List<String> terms, Prefix prefix, SearchSettings settings, Set<Clause> out) {
        List<String> words = new ArrayList<>(terms);
        boolean hasPrefix = prefix != null && prefix.stem() != null;
        if (hasPrefix) words.add(prefix.stem());
        boolean prefixUsed = false;
        for (int i = 0; i < terms.size() || (hasPrefix && !prefixUsed && i < words.size()); ) {
            List<List<String>> bestSet = null;
            List<String> best = null;
            for (List<List<String>> set : settings.synonyms()) {
                for (List<String> alternative : set) {
                    int n = alternative.size();
                    if (i + n <= words.size() && words.subList(i, i + n).equals(alternative)
                            && (best == null || n > best.size())) {
                        best = alternative;
                        bestSet = set;
                    }
                }
            }
            if (best == null) {
                if (i == terms.size()) break; // the unfinished word: added as a prefix by the caller
                out.add(new Term(words.get(i)));
                i++;
                continue;
            }
            // the words as typed first (they name the group to the reader), then the synonyms in their order
            List<List<Clause>> alternatives = new ArrayList<>();
            List<Clause> typed = new ArrayList<>();
            for (int k = 0; k < best.size(); k++) typed.add(i + k == terms.size() ? prefix : new Term(best.get(k)));
            alternatives.add(typed);
            for (List<String> alternative : bestSet) {
                if (alternative != best) alternatives.add(alternative.stream().<Clause>map(Term::new).toList());
            }
            if (i + best.size() > terms.size()) prefixUsed = true;
            out.add(new Group(alternatives));
            i += best.size();
        }
        return prefixUsed;
    }

    /** How a clause is named to the reader (a partial hit's missing words): its terms, the typed alternative of a group. */
    public static String label(Clause clause) {
        return switch (clause) {
            case Term t -> t.term();
            case Phrase p -> p.terms().stream().collect(Collectors.joining(" ", "\"", "\""));
            case Prefix p -> p.word();
            case Group g -> g.alternatives().getFirst().stream().map(ParsedQuery::label)
                    .collect(Collectors.joining(" "));
        };
    }

    private record RawToken(String text, String lower, int start, int end) {
    }

    /** Tokenizer and lower case only: the words as typed. */
    private static List<RawToken> rawTokens(String text) {
        List<RawToken> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : -1;
            boolean tokenChar = cp >= 0 && PmkbAnalyzer.isTokenChar(cp);
            if (tokenChar && start < 0) start = i;
            if (!tokenChar && start >= 0) {
                String word = text.substring(start, i);
                out.add(new RawToken(word, lowerCase(word), start, i));
                start = -1;
            }
            i += cp >= 0 ? Character.charCount(cp) : 1;
        }
        return out;
    }

    static String lowerCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String shorten(String s) {
        String flat = s.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }

    @Override
    public String toString() {
        String required = clauses.stream().map(c -> switch (c) {
            case Term t -> t.term();
            case Phrase p -> p.terms().stream().collect(Collectors.joining(" ", "\"", "\""));
            case Prefix p -> p.word() + "*";
            case Group g -> g.alternatives().stream().map(a -> new ParsedQuery(a, List.of()).toString())
                    .collect(Collectors.joining(" | ", "(", ")"));
        }).collect(Collectors.joining(" "));
        return proximity.isEmpty() ? required : required + proximity.stream()
                .map(p -> String.join(" ", p.terms())).collect(Collectors.joining("\" ~\"", " ~\"", "\""));
    }
}
