package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * {@link CauseAndFix} once cut a section at the regex {@code \n\s*\n} and lower-cased each whole paragraph to test
 * whether it speaks of the fix early; it now cuts paragraphs by hand ({@link PlainText#paragraphs}) and lower-cases
 * only a paragraph's start. On any text both must give what the regex and the whole lower-casing gave.
 */
class CauseAndFixPropertyTest {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");
    private static final Pattern FIX_EARLY = Pattern.compile("(?s).{0,60}\\b(?:resolv|fix|restor|remed|mitigat)\\w*.*");
    /** Lower-casing that lengthens (the dotted I), a sigma whose form depends on what follows, and case-ignorables. */
    private static final List<String> CASED = List.of("İ", "Σ", "ΟΣ", "'", "\u0301", "Fix", "FIXED", "Resolved",
            "restoring", "remedy", "Mitigated", "prefix", "_fix", "9fix", "x", "The fix", "we fixed", "Once identified",
            "To resolve", "The solution", ". ", "! ", "the cause", "\uD83D\uDE00", "é", "\u0301fix", "(remedied)");
    private static final List<String> BLANKS = List.of("\n", "\n\n", "\n \n", "\n\t\n", " \n\r\n", "\n\u000B\n",
            "\n\f \n\n", "\u00a0\n\n", "\n\u2028\n", "\r\n\r\n", "  ");
    private static final List<String> FILLER = List.of("a sentence of forty characters or so here", "0123456789",
            "the load balancer", "logs: ERROR", " ", "  ");

    @Test
    void paragraphsAreWhatTheRegexSplitGives() {
        Property.forAllTexts(3000, CauseAndFixPropertyTest::sectionText,
                text -> assertArrayEquals(PARAGRAPH_BREAK.split(text), PlainText.paragraphs(text),
                        () -> Arrays.toString(PARAGRAPH_BREAK.split(text)) + " vs " + Arrays.toString(PlainText.paragraphs(text))));
    }

    @Test
    void splitIsWhatTheRegexesGave() {
        Property.forAllTexts(3000, CauseAndFixPropertyTest::sectionText,
                text -> assertArrayEquals(regexSplit(text), CauseAndFix.split(text)));
    }

    private static List<String> sectionText(Random random) {
        return Property.tokens(random, 40, CASED, BLANKS, FILLER, FILLER, Tokens.NON_ASCII, Tokens.LINE_BREAKS);
    }

    /** {@link CauseAndFix#split} as it was written before it cut paragraphs by hand. */
    private static String[] regexSplit(String text) {
        Pattern resolutionStart = constant("RESOLUTION_START");
        Pattern sentenceBreak = constant("SENTENCE_BREAK");
        String[] paras = PARAGRAPH_BREAK.split(text);
        for (int i = 1; i < paras.length; i++) {
            if (resolutionStart.matcher(paras[i].strip()).lookingAt()
                    || FIX_EARLY.matcher(paras[i].toLowerCase(Locale.ROOT)).matches()) {
                return new String[] {String.join("\n\n", Arrays.asList(paras).subList(0, i)),
                        String.join("\n\n", Arrays.asList(paras).subList(i, paras.length))};
            }
        }
        if (paras.length > 1) {
            return new String[] {paras[0], String.join("\n\n", Arrays.asList(paras).subList(1, paras.length))};
        }
        String[] sentences = sentenceBreak.split(text);
        for (int i = 1; i < sentences.length; i++) {
            if (resolutionStart.matcher(sentences[i]).lookingAt()) {
                return new String[] {String.join(" ", Arrays.asList(sentences).subList(0, i)),
                        String.join(" ", Arrays.asList(sentences).subList(i, sentences.length))};
            }
        }
        return new String[] {text, ""};
    }

    private static Pattern constant(String name) {
        try {
            var field = CauseAndFix.class.getDeclaredField(name);
            field.setAccessible(true);
            return (Pattern) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
