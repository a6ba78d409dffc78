package dev.pmkb.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.model.ParsedBody;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MarkdownParserTest {

    @Test
    void oneParseGivesTheHtmlAndTheWordsAReaderSees() {
        ParsedBody body = MarkdownParser.parse("""
                # DB *outage*

                The [pool](https://example.com/pool) ran dry: `max_connections` was 100.

                - [x] raise the limit
                - ~~restart~~ alert on waits

                | when | what |
                |---|---|
                | 09:00 | paged |

                <div onclick="x()">hidden markup</div>
                """);
        assertFalse(body.verbatim());
        assertTrue(body.unsafeHtml().contains("<h1>DB <em>outage</em></h1>"), body.unsafeHtml());
        assertTrue(body.unsafeHtml().contains("<table>"), body.unsafeHtml());
        String words = body.text().replaceAll("\\s+", " ");
        for (String seen : new String[]{"DB outage The pool ran dry: max_connections was 100.", "raise the limit",
                "restart alert on waits", "when what", "09:00 paged"}) {
            assertTrue(words.contains(seen), seen + " in " + words);
        }
        for (String unseen : new String[]{"https", "example.com", "*", "`", "[x]", "onclick", "hidden markup"}) {
            assertFalse(words.contains(unseen), unseen + " in " + words);
        }
    }

    @Test
    void bracketsThatLinkNowhereReadAsThePageShowsThem() {
        // an undefined reference is text on the page; with a colon before it flexmark reads it as text or as a
        // reference depending on its emoji extension, and the words must not depend on that
        for (String written : new String[]{"Ticket: [JIRA-1] reopened", "a: [*]", "cause: [x_y] and ![*] too"}) {
            ParsedBody body = MarkdownParser.parse(written);
            assertEquals("<p>" + written + "</p>\n", body.unsafeHtml());
            assertEquals(written, body.text());
        }
        assertEquals("see pool", MarkdownParser.parse("see [pool]\n\n[pool]: https://example.com").text());
    }

    @Test
    void markdownTooDeepForTheParserIsKeptAsWritten() {
        String nasty = "**".repeat(50_000) + "[".repeat(50_000) + "<a".repeat(50_000) + "1:".repeat(50_000) + "\n";
        ParsedBody body = MarkdownParser.parse("## Timeline\n- " + nasty + "## Root Cause\n" + nasty);
        assertTrue(body.verbatim());
        assertTrue(body.unsafeHtml().startsWith("<pre>## Timeline\n- ****"), body.unsafeHtml().substring(0, 40));
        assertFalse(body.unsafeHtml().contains("<a"), "the author's markup is escaped");
        assertTrue(body.text().startsWith("## Timeline\n- ****"));

        ParsedBody quotes = MarkdownParser.parse(">".repeat(50_000) + " too deep to render\n");
        assertTrue(quotes.verbatim());
        assertTrue(quotes.unsafeHtml().startsWith("<pre>&gt;&gt;&gt;"), quotes.unsafeHtml().substring(0, 40));
    }

    @Test
    void theWorkBudgetCountsNestingParagraphLinesAndLinksButNotFencedCode() {
        assertTrue(MarkdownParser.overWorkBudget("- > 1. ".repeat(40) + "x\n"), "120 levels on one line");
        assertFalse(MarkdownParser.overWorkBudget("- > 1. ".repeat(30) + "x\n"));
        assertTrue(MarkdownParser.overWorkBudget(" ".repeat(220) + "- deep\n"), "indentation nests lists");
        assertFalse(MarkdownParser.overWorkBudget("```\n" + " ".repeat(400) + "}\n```\n"), "code in a fence nests nothing");
        assertFalse(MarkdownParser.overWorkBudget("---\n***\n" + "*".repeat(5000) + "\n"), "rules and emphasis are no lists");

        assertTrue(MarkdownParser.overWorkBudget("|x|y|\n".repeat(Limits.MAX_BLOCK_LINES + 1)), "one long table");
        assertFalse(MarkdownParser.overWorkBudget("|x|y|\n\n".repeat(Limits.MAX_BLOCK_LINES + 1)), "many short ones");
        assertFalse(MarkdownParser.overWorkBudget("- item\n".repeat(Limits.MAX_BLOCK_LINES * 5)), "list items are blocks of their own");
        assertFalse(MarkdownParser.overWorkBudget("```\n" + "log line\n".repeat(Limits.MAX_BLOCK_LINES * 5) + "```\n"));

        assertTrue(MarkdownParser.overWorkBudget("[a](".repeat(Limits.MAX_BLOCK_LINKS + 1)), "unclosed links in one paragraph");
        assertFalse(MarkdownParser.overWorkBudget("[a](u)\n\n".repeat(Limits.MAX_BLOCK_LINKS + 1)), "links in many paragraphs");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // each took flexmark from 8 s to minutes
    void shapesFlexmarkTakesQuadraticTimeOverAreShownAsWritten() {
        for (String hostile : List.of("[a](u)\n".repeat(20_000), "[a](".repeat(80_000), "|a|b|\n|-|-|\n" + "|x|y|\n".repeat(80_000),
                "[a]: /u\n".repeat(80_000))) {
            ParsedBody body = MarkdownParser.parse(hostile);
            assertTrue(body.verbatim());
            assertEquals(hostile, body.text());
        }
    }

    @Test
    void githubEmojiShortcodesShowAsTheEmojiOutsideCode() {
        ParsedBody body = MarkdownParser.parse("""
                :clipboard: Timeline :fire: at 10:15:30, :nosuch: and :+1:

                `:fire:` in code stays

                ```
                :fire: in a block stays
                ```
                """);
        String html = body.unsafeHtml();
        assertTrue(html.contains("\uD83D\uDCCB Timeline \uD83D\uDD25 at 10:15:30, :nosuch: and \uD83D\uDC4D"), html);
        assertTrue(html.contains("<code>:fire:</code> in code stays"), html);
        assertTrue(html.contains(":fire: in a block stays"), html);
        assertTrue(body.text().startsWith(":clipboard: Timeline :fire: at 10:15:30, :nosuch: and :+1:"),
                "the words are as written: " + body.text());
    }

    @Test
    void shortcodesInTextReadOutsideTheMarkdown() {
        assertEquals("POSTMORTEM \uD83D\uDCCB.", MarkdownParser.withEmoji("POSTMORTEM :clipboard:."));
        assertEquals("at 10:15:30 :nosuch: a:fire:b", MarkdownParser.withEmoji("at 10:15:30 :nosuch: a:fire:b"));
    }
}
