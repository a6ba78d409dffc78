package dev.pmkb.read;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.LineAppendable;
import dev.pmkb.model.ParsedBody;
import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link MarkdownParser} renders text nodes and copies text into the plain text without flexmark's per-character
 * detours where a piece of text needs none of them. On any Markdown it must give the HTML flexmark's own renderer
 * gives and the plain text that appending flexmark's sequences gives.
 */
class MarkdownParserPropertyTest {

    private static final Parser PARSER;
    private static final HtmlRenderer RENDERER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create()));
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_PASS_THROUGH);
        PARSER = Parser.builder(options).build();
        RENDERER = HtmlRenderer.builder(options).build();
    }

    /** What needs flexmark's detours (escapes, entities, carriage returns, NUL) and the blocks text stands in. */
    private static final List<String> MARKDOWN = List.of("\\", "\\*", "\\&", "&", "&amp;", "&lt;", "&#35;", "&nbsp;",
            "&bogus;", "\r", "\r\n", "\0", "<b>", "<!-- c -->", "*", "**", "_", "`", "```", "~~~", "```js\n", "    ",
            "- ", "1. ", "> ", "# ", "| a | b |\n|---|---|\n", "| ", "[x](http://a.b)", "<http://a.b>", "<a@b.c>",
            "- [ ] ", "- [x] ", "~~", "text", "more words", "\"", "'", "\u2028");

    @Test
    void htmlAndTextAreWhatFlexmarksOwnRenderingGives() {
        Property.forAllTexts(3000, MarkdownParserPropertyTest::markdown, markdown -> {
            if (markdown.isBlank() || MarkdownParser.overWorkBudget(markdown)) return;
            Node document = PARSER.parse(markdown);
            ParsedBody parsed = MarkdownParser.parse(markdown);
            assertEquals(RENDERER.render(document), parsed.unsafeHtml(), "html");
            StringBuilder text = new StringBuilder();
            walk(document, text);
            assertEquals(text.toString().strip(), parsed.text(), "text");
        });
    }

    private static List<String> markdown(Random random) {
        return Property.tokens(random, 30, MARKDOWN, MARKDOWN, Tokens.WORDS, Tokens.NON_ASCII, Tokens.LINE_BREAKS,
                Tokens.MARKS);
    }

    /** The plain-text walk as it was, appending flexmark's sequences. */
    private static void walk(Node node, StringBuilder out) {
        if (node instanceof HtmlBlock || node instanceof HtmlInline || node instanceof HtmlCommentBlock
                || node instanceof HtmlInlineComment) {
            return;
        }
        if (node instanceof Text) {
            out.append(node.getChars());
        } else if (node instanceof AutoLink link) {
            out.append(link.getText());
        } else if (node instanceof MailLink link) {
            out.append(link.getText());
        } else if (node instanceof FencedCodeBlock code) {
            out.append(code.getContentChars());
        } else if (node instanceof IndentedCodeBlock code) {
            out.append(code.getContentChars());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append('\n');
        } else if (node instanceof RefNode ref && !ref.isDefined()) {
            out.append(node.getChars().prefixOf(node.getChildChars()));
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) walk(child, out);
            out.append(node.getChars().suffixOf(node.getChildChars()));
            return;
        } else {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) walk(child, out);
        }
        if (node instanceof Block) {
            out.append('\n');
        } else if (!(node instanceof Text || node instanceof Emphasis || node instanceof StrongEmphasis)
                && out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.append(' ');
        }
    }
}
