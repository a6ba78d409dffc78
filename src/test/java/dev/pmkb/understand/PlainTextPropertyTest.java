package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PlainText} once ran a fixed chain of regexes over every line; it now skips each step whose trigger
 * character the line lacks, drops emphasis marks, word underscores and runs of white space by hand, and tries its
 * anchored prefixes only at the start. On any line it must give what the chain of regexes gave.
 *
 * <p>The reference is the chain as it was written before those changes (commit 7051f9c): the patterns the class
 * still has are read from it, the three it replaced by hand are written here as they were.
 */
class PlainTextPropertyTest {

    /** Replaced by {@code withoutEmphasis}. */
    private static final Pattern EMPHASIS = Pattern.compile("(\\*{1,3}|_{2,3}|~~)");
    /** Replaced by {@code withoutWordUnderscores}. */
    private static final Pattern UNDERSCORE_WORD = Pattern.compile("(?<![\\w])_(?=\\S)|(?<=\\S)_(?![\\w])");
    /** Replaced by {@code collapseSpaces}. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Pattern HTML_TAG = constant("HTML_TAG");
    private static final Pattern IMAGE = constant("IMAGE");
    private static final Pattern LINK = constant("LINK");
    private static final Pattern HEADING = constant("HEADING");
    private static final Pattern CLOSING_HASHES = constant("CLOSING_HASHES");
    private static final Pattern LIST_MARKER = constant("LIST_MARKER");
    private static final Pattern QUOTE = constant("QUOTE");

    private static final List<String> LINKS = List.of("[text](http://x.io/a_b)", "![alt](i.png \"t\")", "[a](b)", "[](",
            "](x)", "[x][y]", "[**b**](u)", "<a href=x>", "<br/>", "<b", "&lt;b&gt;", "&lt;", "&amp;lt;");

    @Test
    void inlineGivesWhatTheRegexesGave() {
        Property.forAllTexts(2000, PlainTextPropertyTest::markdownLine,
                line -> assertEquals(regexInline(line), PlainText.inline(line)));
    }

    @Test
    void lineGivesWhatTheRegexesGave() {
        Property.forAllTexts(2000, PlainTextPropertyTest::markdownLine,
                line -> assertEquals(regexLine(line), PlainText.line(line)));
    }

    /** {@link PlainText.Needles} answers in one pass what {@link PlainText#indexOfIgnoreCase} answers per needle. */
    @Test
    void needlesAreFoundWhereIndexOfIgnoreCaseFindsOne() {
        List<String> stems = List.of("conf", "cfg", "setting", "manifest", "file", ".y", ".ini", ".toml", "i", "kelvin",
                "sit", "all time", "zone", "time in", "time (", "timestamp", "sı");
        Property.forAll(3000, random -> {
            List<String> needles = new java.util.ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) needles.add(Property.one(random, stems));
            return List.of(needles, Property.tokens(random, 20, stems, Tokens.WORDS, Tokens.NON_ASCII, Tokens.SEPARATORS,
                    List.of("CONF", "Cfg", "SETTINGS", "Manifest", "FILE", ".YAML", ".Ini", "toml", "\u212Aelvin", "ſit",
                            "İ", "ı", "ALL TIME", "con", "fil", ".", "y", "fıle", "tıme in", "TKme", "ZONE",
                            "Time In", "TIME (", "time(", "TimeStamp", "sİ", "S", "t")));
        }, input -> {
            List<String> needles = input.get(0);
            if (needles.isEmpty()) return;
            String text = String.join("", input.get(1));
            boolean expected = false;
            for (String needle : needles) expected |= PlainText.indexOfIgnoreCase(text, needle, 0) >= 0;
            assertEquals(expected, new PlainText.Needles(needles).anyIn(text));
        }, input -> input.get(0) + " in " + Property.show(input.get(1)));
    }

    /** {@link PlainText#indexOfIgnoreCase} answers as {@link String#regionMatches} tried at every character. */
    @Test
    void indexOfIgnoreCaseIsWhereRegionMatchesFirstAnswers() {
        List<String> needles = List.of("all time", "noon", "midday", "midnight", "zone", "i", "sit", "kelvin", "a.");
        Property.forAll(3000, random -> List.of(List.of(Property.one(random, needles)),
                Property.tokens(random, 20, needles, Tokens.WORDS, Tokens.NON_ASCII, Tokens.SEPARATORS,
                        List.of("ALL TIME", "AlL tImE", "aLL", "Noon", "MIDDAY", "mıdnight", "\u212Aelvin", "ſit", "İ", "ı",
                                "A.", "a,", "s", "S"))),
                input -> {
                    String needle = String.join("", input.get(0));
                    if (needle.isEmpty()) return;
                    String text = String.join("", input.get(1));
                    for (int from = 0; from <= text.length(); from++) {
                        int expected = -1;
                        for (int i = from; i <= text.length() - needle.length(); i++) {
                            char c = text.charAt(i);
                            if ((c == needle.charAt(0) || c == Character.toUpperCase(needle.charAt(0)))
                                    && text.regionMatches(true, i, needle, 0, needle.length())) {
                                expected = i;
                                break;
                            }
                        }
                        assertEquals(expected, PlainText.indexOfIgnoreCase(text, needle, from), "from " + from);
                    }
                }, input -> Property.literal(String.join("", input.get(0))) + " in " + Property.show(input.get(1)));
    }

    /**
     * {@link PlainText#indexOfIgnoreCase} says where a {@code (?i)} regex starting with the needle need not be tried:
     * from any position, the next place it gives is never after the regex's next match.
     */
    @Test
    void indexOfIgnoreCaseNeverSkipsWhatACaseInsensitiveRegexFinds() {
        List<String> needles = List.of("all time", "percent", "per cent", "kelvin", "sit", "i");
        Property.forAll(2000, random -> List.of(List.of(Property.one(random, needles)),
                Property.tokens(random, 20, needles, Tokens.WORDS, Tokens.NON_ASCII, Tokens.SEPARATORS,
                        List.of("ALL TIME", "All Times", "PER CENT", "Per\u00a0cent", "\u212Aelvin", "ſit", "İ", "ı", "all\ttime"))),
                input -> {
                    String needle = String.join("", input.get(0));
                    if (needle.isEmpty() || !needle.equals(needle.toLowerCase(java.util.Locale.ROOT))) return;
                    String text = String.join("", input.get(1));
                    java.util.regex.Matcher regex = Pattern.compile("(?i)" + Pattern.quote(needle)).matcher(text);
                    for (int from = 0; from <= text.length(); from++) {
                        int found = PlainText.indexOfIgnoreCase(text, needle, from);
                        boolean matches = regex.find(from);
                        if (matches) {
                            assertTrue(found >= from && found <= regex.start(), "from " + from + ": " + found
                                    + " for a match at " + regex.start());
                        }
                    }
                }, input -> Property.literal(String.join("", input.get(0))) + " in " + Property.show(input.get(1)));
    }

    private static List<String> markdownLine(Random random) {
        return Property.tokens(random, 20, Tokens.MARKS, Tokens.MARKS, LINKS, Tokens.WORDS, Tokens.SEPARATORS,
                Tokens.NON_ASCII, Tokens.DIGITS, Tokens.LINE_BREAKS);
    }

    private static String regexInline(String markdown) {
        String s = HTML_TAG.matcher(markdown).replaceAll(" ");
        s = IMAGE.matcher(s).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = EMPHASIS.matcher(s).replaceAll("");
        s = UNDERSCORE_WORD.matcher(s).replaceAll("");
        s = s.replace("`", "").replace("<br>", " ");
        s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'");
        s = HTML_TAG.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    private static String regexLine(String markdown) {
        String s = QUOTE.matcher(markdown).replaceFirst("");
        s = HEADING.matcher(s).replaceFirst("");
        s = CLOSING_HASHES.matcher(s).replaceFirst("");
        s = LIST_MARKER.matcher(s).replaceFirst("");
        return regexInline(s);
    }

    private static Pattern constant(String name) {
        try {
            Field f = PlainText.class.getDeclaredField(name);
            f.setAccessible(true);
            return (Pattern) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("PlainText has no pattern " + name + " any more: update the reference chain here", e);
        }
    }
}
