package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link PhraseIndex} looks phrases up by their first word (or the text's two words joined, or a prefix's
 * letter) instead of trying every phrase at every word. Whatever the phrases and the text, it must report what a
 * plain scan does, trying every phrase ({@link Phrase#matchAt}) at every word:
 * <ul>
 * <li>every hit is a real match of its phrase there, and not after a negation unless the phrase starts with one;</li>
 * <li>every place the plain scan matches a phrase is reported: by a hit of that label there, or by one of the
 * same label that started at most three words before and covers it (the index reports a label once per stretch
 * of text, as documented);</li>
 * <li>no label twice at one word.</li>
 * </ul>
 */
class PhraseIndexPropertyTest {

    private static final List<String> LABELS = List.of("a", "b", "c");
    private static final List<String> PHRASE_WORDS = List.of("time", "out", "timeout", "time-out", "connection", "pool",
            "pools", "connections", "misconfigur*", "config*", "dns", "no", "not", "queries", "query", "rate", "limit",
            "ratelimit", "disk", "full", "cert*", "expired", "ssl", "ſtop", "\u212Aey", "over", "load", "overload",
            "data", "base", "database", "log", "in", "login", "s", "es", "ies", "e", "mail", "email");
    private static final List<String> TEXT_WORDS = List.of(" ", " ", " ", "T", "i", "Q", "\u00c9", "ı", "-", "_", "/", ".", ",", "not ", "no ",
            "never ", "without ", "ruled ", "the ", "Time", "TIME", "Out", "POOLS", "Queries", "loads", "bases", "E", "E ", "Mail ");

    @Test
    void aTwoWordPhraseIsFoundWrittenAsOneWord() {
        PhraseIndex<String> index = new PhraseIndex<>();
        index.add("capacity", "rate limit");
        List<PhraseIndex.Hit<String>> hits = index.find(Words.of("the API hit its ratelimit"));
        assertEquals(List.of(new PhraseIndex.Hit<>("capacity", 4, 1, "rate limit")), hits);
    }

    @Test
    void reportsWhatAPlainScanOfEveryPhraseAtEveryWordFinds() {
        Property.forAll(1500, PhraseIndexPropertyTest::phrasesAndText, input -> {
            List<String> phrases = input.get(0);
            List<String> labels = input.get(1);
            PhraseIndex<String> index = new PhraseIndex<>();
            int count = Math.min(phrases.size(), labels.size());
            for (int i = 0; i < count; i++) index.add(labels.get(i), phrases.get(i));
            Words text = Words.of(String.join("", input.get(2)));
            List<PhraseIndex.Hit<String>> hits = index.find(text);

            Set<String> labelAndWord = new HashSet<>();
            for (PhraseIndex.Hit<String> h : hits) {
                Phrase phrase = Phrase.of(h.phrase());
                assertTrue(phrase.matchAt(text, h.word()) == h.length() && h.length() > 0,
                        "hit " + h + " is no match of its phrase there");
                assertTrue(phrase.startsNegated() || !text.negatedAt(h.word()), "hit " + h + " follows a negation");
                assertTrue(labelAndWord.add(h.label() + "@" + h.word()), "label twice at one word: " + h);
                assertTrue(added(phrases, labels, count, h), "hit " + h + " of a phrase not added under its label");
            }
            for (int at = 0; at < text.size(); at++) {
                for (int i = 0; i < count; i++) {
                    Phrase phrase = Phrase.of(phrases.get(i));
                    if (phrase.isEmpty() || phrase.matchAt(text, at) == 0) continue;
                    if (!phrase.startsNegated() && text.negatedAt(at)) continue;
                    if (!covered(hits, labels.get(i), at)) {
                        fail("the plain scan matches " + labels.get(i) + ":\"" + phrases.get(i) + "\" at word " + at
                                + " (" + text.get(at) + "), the index reports " + hits);
                    }
                }
            }
        }, input -> "phrases " + input.get(0).stream().map(Property::literal).toList() + " labels "
                + input.get(1).stream().map(Property::literal).toList() + " text " + Property.show(input.get(2)));
    }

    /**
     * A text's words make their stems only when asked, and the index skips words by the first letters the text
     * shows: it must find what it finds in the same words cut and stemmed at once, where every question is
     * answered from the stems (the cut pmkb made before, written out below).
     */
    @Test
    void findsInATextWhatItFindsInItsWordsStemmedAtOnce() {
        Property.forAll(3000, PhraseIndexPropertyTest::phrasesAndPhraseText, input -> {
            List<String> phrases = input.get(0);
            List<String> labels = input.get(1);
            PhraseIndex<String> index = new PhraseIndex<>();
            int count = Math.min(phrases.size(), labels.size());
            for (int i = 0; i < count; i++) index.add(labels.get(i), phrases.get(i));
            String joined = String.join("", input.get(2));
            List<String> stems = stemsAtOnce(joined);
            Words text = Words.of(joined);
            assertEquals(index.find(Words.ofStems(stems)), index.find(text));
            assertEquals(stems.size(), text.size());
            for (int i = 0; i < stems.size(); i++) assertEquals(stems.get(i), text.get(i), "word " + i);
        }, input -> "phrases " + input.get(0).stream().map(Property::literal).toList() + " labels "
                + input.get(1).stream().map(Property::literal).toList() + " text " + Property.show(input.get(2)));
    }

    /**
     * A phrase skips the two-words-as-one try where the part cannot start with the word, and keeps its own parts
     * written as one: at every word of any text it must match as it did when it tried both every time (written
     * out below).
     */
    @Test
    void aPhraseMatchesAsWhenItTriedEveryJoin() {
        Property.forAll(3000, PhraseIndexPropertyTest::phrasesAndPhraseText, input -> {
            Words text = Words.of(String.join("", input.get(2)));
            for (String written : input.get(0)) {
                Phrase phrase = Phrase.of(written);
                if (phrase.isEmpty()) continue;
                List<String> parts = new ArrayList<>();
                List<Boolean> prefix = new ArrayList<>();
                for (String raw : written.strip().split("[\\s\\-_/]+")) {
                    boolean isPrefix = raw.endsWith("*");
                    String w = PlainText.words(isPrefix ? raw.substring(0, raw.length() - 1) : raw).replace(" ", "");
                    if (w.isEmpty()) continue;
                    parts.add(isPrefix ? w : Words.stem(w));
                    prefix.add(isPrefix);
                }
                for (int at = 0; at < text.size(); at++) {
                    assertEquals(matchTryingEveryJoin(parts, prefix, text, at), phrase.matchAt(text, at),
                            "\"" + written + "\" at word " + at);
                }
            }
        }, input -> "phrases " + input.get(0).stream().map(Property::literal).toList() + " text " + Property.show(input.get(2)));
    }

    /** What {@link Phrase#matchAt} answered before it skipped any join. */
    private static int matchTryingEveryJoin(List<String> parts, List<Boolean> prefix, Words text, int at) {
        int t = at;
        for (int p = 0; p < parts.size(); p++) {
            if (t >= text.size()) return 0;
            String word = text.get(t);
            if (prefix.get(p) ? word.startsWith(parts.get(p)) : word.equals(parts.get(p))) {
                t++;
            } else if (t + 1 < text.size() && (prefix.get(p) ? Words.stem(word + text.get(t + 1)).startsWith(parts.get(p))
                    : Words.stem(word + text.get(t + 1)).equals(parts.get(p)))) {
                t += 2;
            } else if (p + 1 < parts.size() && !prefix.get(p) && !prefix.get(p + 1)
                    && word.equals(Words.stem(parts.get(p) + parts.get(p + 1)))) {
                t++;
                p++;
            } else {
                return 0;
            }
        }
        return t - at;
    }

    /**
     * {@link #phrasesAndText} with a text mostly of the phrase words, each written in upper, lower or mixed case,
     * whole or cut in two ("E mail", "TIME out"), so that phrases are found at the start of most words.
     */
    private static List<List<String>> phrasesAndPhraseText(Random random) {
        List<List<String>> input = phrasesAndText(random);
        List<String> text = new ArrayList<>();
        for (int n = random.nextInt(20); n > 0; n--) {
            if (random.nextInt(4) == 0) {
                text.add(Property.one(random, TEXT_WORDS, Tokens.NON_ASCII, Tokens.LINE_BREAKS));
                continue;
            }
            String word = Property.one(random, PHRASE_WORDS).replace("*", random.nextBoolean() ? "" : "ured");
            word = switch (random.nextInt(3)) {
                case 0 -> word.toUpperCase(java.util.Locale.ROOT);
                case 1 -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
                default -> word;
            };
            int cut = word.length() > 1 && random.nextBoolean() ? 1 + random.nextInt(word.length() - 1) : word.length();
            text.add(word.substring(0, cut));
            if (cut < word.length()) text.add(" " + (random.nextBoolean() ? word.substring(cut)
                    : word.substring(cut).toUpperCase(java.util.Locale.ROOT)));
            text.add(Property.one(random, List.of(" ", " ", "-", ". ", "")));
        }
        return List.of(input.get(0), input.get(1), text);
    }

    /** The stems of every run of letters and digits, each lower-cased a character at a time, then stemmed. */
    private static List<String> stemsAtOnce(String text) {
        List<String> stems = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            StringBuilder word = new StringBuilder();
            for (; i < text.length() && Character.isLetterOrDigit(text.charAt(i)); i++) {
                word.append(Character.toLowerCase(text.charAt(i)));
            }
            stems.add(Words.stem(word.toString()));
        }
        return stems;
    }

    /** Parts: the phrases, their labels, the text. */
    private static List<List<String>> phrasesAndText(Random random) {
        List<String> phrases = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            StringBuilder phrase = new StringBuilder(Property.one(random, PHRASE_WORDS));
            for (int w = random.nextInt(3); w > 0; w--) {
                phrase.append(Property.one(random, List.of(" ", " ", "-", "_", "/"))).append(Property.one(random, PHRASE_WORDS));
            }
            phrases.add(phrase.toString());
            labels.add(Property.one(random, LABELS));
        }
        List<String> text = new ArrayList<>();
        for (int n = random.nextInt(20); n > 0; n--) {
            text.add(Property.one(random, PHRASE_WORDS, PHRASE_WORDS, TEXT_WORDS, TEXT_WORDS, Tokens.NON_ASCII,
                    Tokens.LINE_BREAKS).replace("*", random.nextBoolean() ? "" : "ured"));
        }
        return List.of(phrases, labels, text);
    }

    private static boolean covered(List<PhraseIndex.Hit<String>> hits, String label, int at) {
        for (PhraseIndex.Hit<String> h : hits) {
            if (h.label().equals(label) && h.word() <= at && h.word() >= at - 3 && h.word() + h.length() > at) return true;
        }
        return false;
    }

    private static boolean added(List<String> phrases, List<String> labels, int count, PhraseIndex.Hit<String> h) {
        for (int i = 0; i < count; i++) {
            if (phrases.get(i).equals(h.phrase()) && labels.get(i).equals(h.label())) return true;
        }
        return false;
    }
}
