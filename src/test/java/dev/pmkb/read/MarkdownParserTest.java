package dev.pmkb.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.model.ParsedBody;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

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
    void theNestingBudgetCountsListsAndQuotesButNotFencedCode() {
        assertTrue(MarkdownParser.nestsDeeperThan("- > 1. ".repeat(40) + "x\n", 100), "120 levels on one line");
        assertFalse(MarkdownParser.nestsDeeperThan("- > 1. ".repeat(30) + "x\n", 100));
        assertTrue(MarkdownParser.nestsDeeperThan(" ".repeat(220) + "- deep\n", 100), "indentation nests lists");
        String fenced = "```\n" + " ".repeat(400) + "}\n```\n";
        assertFalse(MarkdownParser.nestsDeeperThan(fenced, 100), "indented code inside a fence nests nothing");
        assertFalse(MarkdownParser.nestsDeeperThan("---\n***\n" + "*".repeat(5000) + "\n", 100), "rules and emphasis are no lists");
    }
}
