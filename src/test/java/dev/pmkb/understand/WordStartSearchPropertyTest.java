package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link WordStartSearch} tries its pattern only where a word starts with one of its words' initials and goes on
 * with one of their second characters; whatever the pattern and the text, it must answer as
 * {@code pattern.matcher(text).find()} does: whether, where, and with which groups.
 *
 * <p>Patterns are built the way pmkb's callers build them ({@code \b(?:word|...)} with a tail, plain, {@code (?i)}
 * or case-insensitive with Unicode case, some behind a look-behind) from words like theirs. Texts mix those words
 * in every case with the characters that fold onto their initials (the long s, the Kelvin sign, the dotted I),
 * with word characters and underscores run into them, and with line breaks.
 */
class WordStartSearchPropertyTest {

    private static final List<String> WORDS = List.of("alert", "alarm\\w*", "pag(e|ing) ", "100 ?%", "cert\\b", "\\bqa\\b",
            "users?", "all", "every", "each", "load.?test", "game ?day", "iam\\b", "2fa", "red herring", "suspect\\w*",
            "initially (?:thought|suspected)", "kelvin", "key", "skip", "stop", "index", "i18n", "s", "k", "ist",
            "resolv\\w*", "back to normal", "straße", "on-call", "é",
            // second characters that are optional, grouped or a class: the word may go on with anything there
            "ca?t", "sh?op", "t(?:he|ra)", "ke[yi]", "w\\w+", "k\\b", "ta{0,2}x",
            // words sharing two characters and parting at the third, plain, optional or a class
            "the", "thought", "thr?ee", "caused? by", "cat\\w*", "ala[rn]m", "alle?y", "was", "wasn t", "stoo", "st\\b");
    private static final List<String> FLAGS = List.of("", "(?i)", "(?iu)", "(?u)");
    private static final List<String> LOOK_BEHINDS = List.of("", "", "(?<!not )", "(?<!of |almost )", "(?<=\\s)");
    private static final List<String> TAILS = List.of("", "\\b", "\\b", "\\s(?:(?:of\\s)?(?:our|the)\\s)?(?:users?|keys?)\\b",
            "\\b.*\\bpag(?:e[ds]?|ing)\\b", "[^.%\\d]{0,40}?(?<![\\d.])(\\d{1,3})\\s?%", "(\\w*)");
    /** What the texts are made of besides the words: letters that fold onto the initials, and glue. */
    private static final List<String> TEXT = List.of("ſ", "\u212A", "İ", "ı", "K", "S", "I", "A", "_", "x", "9", " ",
            "  ", "-", ".", "%", "not ", "of ", "our ", "the ", "users", "page", "paging", "on-call", "Alert", "ALL",
            "ſtop", "\u212Aey", "İndex", "ßtraße", "9ſ", "xſtop", "_\u212Aey", "aİndex", "STRASSE", "1", "00", "2FA", "q", "A",
            "th", "THE", "tho", "cau", "caT", "ala", "ALP", "wa", "WASN", "st", "sto", "ſT", "ST\u212A", "thee", "ThEe");

    @Test
    void findsWhatTheRegexFindsWhereverItMatches() {
        Property.forAll(2000, WordStartSearchPropertyTest::patternAndText, input -> {
            List<String> words = input.get(1);
            if (words.isEmpty()) return; // not a pattern of the form the class is for
            Pattern pattern;
            WordStartSearch search;
            try {
                pattern = Pattern.compile(String.join("", input.get(0)) + "\\b(?:" + String.join("|", words) + ")"
                        + String.join("", input.get(2)));
                search = new WordStartSearch(pattern, words);
            } catch (IllegalArgumentException notAPatternOfTheForm) {
                return; // shrinking cut the pattern into something the class is not for
            }
            String text = String.join("", input.get(3));
            Matcher expected = pattern.matcher(text);
            boolean found = expected.find();
            assertEquals(found, search.find(text), "find");
            assertEquals(found, search.find(WordStartSearch.Starts.of(text)), "find on shared starts");
            assertEquals(found ? describe(expected) : null, describe(search.first(text)), "first");
        }, input -> "pattern " + Property.literal(String.join("", input.get(0)) + "\\b(?:" + String.join("|", input.get(1))
                + ")" + String.join("", input.get(2))) + " on " + Property.show(input.get(3)));
    }

    /** Parts: flags and look-behind, the words, the tail, the text. */
    private static List<List<String>> patternAndText(Random random) {
        List<String> words = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) words.add(Property.one(random, WORDS));
        List<String> text = Property.tokens(random, 20, TEXT, TEXT, Tokens.LINE_BREAKS, Tokens.NON_ASCII,
                literalForms(words, random));
        return List.of(List.of(Property.one(random, FLAGS), Property.one(random, LOOK_BEHINDS)), words,
                List.of(Property.one(random, TAILS)), text);
    }

    /** The words as text might write them: regex syntax dropped, in any case. */
    private static List<String> literalForms(List<String> words, Random random) {
        List<String> forms = new ArrayList<>();
        for (String w : words) {
            String plain = w.replace("\\b", "").replace("\\w*", "ing").replace("?", "").replace(".", "-")
                    .replaceAll("\\(\\?:([^|)]*)[^)]*\\)", "$1").replaceAll("\\(([^|)]*)[^)]*\\)", "$1");
            forms.add(plain);
            forms.add(random.nextBoolean() ? plain.toUpperCase(java.util.Locale.ROOT) : capitalized(plain));
        }
        return forms;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String describe(Matcher m) {
        if (m == null) return null;
        StringBuilder b = new StringBuilder().append(m.start()).append('-').append(m.end());
        for (int g = 1; g <= m.groupCount(); g++) b.append(' ').append(m.group(g));
        return b.toString();
    }
}
