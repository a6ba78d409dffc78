package dev.pmkb.read;

import dev.pmkb.model.ParsedBody;
import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@link MarkdownParser} leaves out the table, emoji, strikethrough and task list extensions where the text cannot
 * hold what they read. Where it leaves one out, the page and the plain text must be what every extension gives.
 */
class MarkdownParserExtensionsPropertyTest {

    /** Colons in every place a postmortem puts them, pipes, table rules, shortcodes and the blocks around them. */
    private static final List<String> MARKDOWN = List.of(":", "::", ": ", " :", "10:32", "1:2:3", ":fire:", ":x:",
            ":not_an_emoji:", ":+1:", ":-1:", "Cause:", "note:", "a:b", "http://a.b:8080/x", ":)", ":-)", "(:", "`:fire:`",
            "|", " | ", "| a | b |\n", "|---|---|\n", "---", ":---:", "---:", ":--", "- ", "1. ", "> ", "# ", "*", "**",
            "_", "`", "```\n", "    ", "\\", "\\:", "\\|", "&", "<b>", "[x](http://a.b)", "[", "]", "(", ")",
            "- [ ] ", "- [x] ", "- [X] ", "* [ ]", "[ ]", "[x]", "[]", "[xy]", "~~", "~", "~~~\n", "text", "more words", "\t", "\u00a0");

    @Test
    void leavingOutAnExtensionTheTextCannotUseChangesNothing() {
        int[] leftOut = new int[1];
        Property.forAllTexts(4000, MarkdownParserExtensionsPropertyTest::markdown, markdown -> {
            if (markdown.isBlank() || MarkdownParser.overWorkBudget(markdown)) return;
            int extensions = MarkdownParser.extensionsFor(markdown);
            if (extensions == MarkdownParser.EVERY_EXTENSION) return;
            leftOut[0]++;
            ParsedBody every = MarkdownParser.parse(markdown, MarkdownParser.EVERY_EXTENSION);
            ParsedBody chosen = MarkdownParser.parse(markdown);
            assertEquals(every.unsafeHtml(), chosen.unsafeHtml(), "html");
            assertEquals(every.text(), chosen.text(), "text");
        });
        // Most generated texts hold a pipe or two colons; enough of them must not, or nothing was checked.
        assertNotEquals(0, leftOut[0], "no text was parsed without an extension");
    }

    @Test
    void aTableOrAnEmojiKeepsItsExtension() {
        assertEquals(MarkdownParser.TABLES, MarkdownParser.extensionsFor("| a | b |\n|---|---|\n| 1 | 2 |\n")
                & MarkdownParser.TABLES);
        assertEquals(MarkdownParser.EMOJI, MarkdownParser.extensionsFor("it was :fire: all night") & MarkdownParser.EMOJI);
        assertEquals(0, MarkdownParser.extensionsFor("At 10:32 UTC the cause: a full disk (until 11:05)."));
        assertEquals(MarkdownParser.EMOJI, MarkdownParser.extensionsFor(":fire:") & MarkdownParser.EMOJI);
        // flexmark's emoji delimiter makes brackets after a colon text, though no emoji closes; without it they are a
        // reference to nothing, whose words are the same
        for (String brackets : new String[]{"_[:]", ":[*]", "a: [x_y]"}) {
            assertEquals(0, MarkdownParser.extensionsFor(brackets) & MarkdownParser.EMOJI);
            assertEquals(MarkdownParser.parse(brackets, MarkdownParser.EVERY_EXTENSION), MarkdownParser.parse(brackets));
        }
        assertEquals(0, MarkdownParser.extensionsFor("see [the runbook](http://a.b) at 10:32") & MarkdownParser.EMOJI);
        // after a backslash line break flexmark keeps the next line's indent, unless a colon follows on that line
        assertEquals(MarkdownParser.EMOJI, MarkdownParser.extensionsFor("done\\\r\n  :x") & MarkdownParser.EMOJI);
        assertEquals(MarkdownParser.EMOJI, MarkdownParser.extensionsFor("done\\\r h: x") & MarkdownParser.EMOJI);
        assertEquals(0, MarkdownParser.extensionsFor("done\\ at 10:32") & MarkdownParser.EMOJI);
        assertEquals(MarkdownParser.STRIKETHROUGH, MarkdownParser.extensionsFor("~~gone~~") & MarkdownParser.STRIKETHROUGH);
        assertEquals(MarkdownParser.TASKS, MarkdownParser.extensionsFor("- [ ] add an alert") & MarkdownParser.TASKS);
        assertEquals(0, MarkdownParser.extensionsFor("- add an alert, see [the runbook](http://a.b)"));
    }

    private static List<String> markdown(Random random) {
        return Property.tokens(random, 20, MARKDOWN, MARKDOWN, Tokens.WORDS, Tokens.LINE_BREAKS, Tokens.MARKS);
    }
}
