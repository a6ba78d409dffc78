package dev.pmkb.read;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.SoftLineBreak;
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
import java.util.List;

/**
 * pmkb's one Markdown dialect (CommonMark with GitHub's tables, strikethrough and task lists), parsed with flexmark
 * into HTML and into plain text. The plain text is the words a reader sees: text, link texts, image alt texts,
 * inline code and code blocks; no URLs, no HTML tags, no Markdown punctuation; blocks end with a line break.
 *
 * <p>Thread-safe: flexmark's parser and renderer are immutable once built, and building them per file was a fifth
 * of JBake's crawl time in the spike.
 */
public final class MarkdownParser {

    private static final Parser PARSER;
    private static final HtmlRenderer RENDERER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create()));
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // flexmark's writer would otherwise re-examine every piece of output for indentation and trailing spaces
        // that pmkb's HTML never needs: the same HTML (checked on 1,000 generated postmortems), a fifth faster
        options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_PASS_THROUGH);
        PARSER = Parser.builder(options).build();
        RENDERER = HtmlRenderer.builder(options).build();
    }

    private MarkdownParser() {
    }

    /** A postmortem's body, parsed once into its (not yet sanitised) HTML and its plain text. */
    public static ParsedBody parse(String markdown) {
        if (markdown == null || markdown.isBlank()) return ParsedBody.EMPTY;
        if (nestsDeeperThan(markdown, Limits.MAX_NESTING)) return new ParsedBody(verbatim(markdown), markdown, true);
        try {
            Node document = PARSER.parse(markdown);
            return new ParsedBody(RENDERER.render(document), plainText(document), false);
        } catch (StackOverflowError tooDeep) {
            return new ParsedBody(verbatim(markdown), markdown, true);
        }
    }

    /*
     * Why StackOverflowError is caught: some of flexmark's regular expressions recurse once per character on runs
     * such as 50,000 "[" or "<a", and its renderer (like the plain-text walk) recurses once per level of nesting,
     * as in 50,000 ">" of quotes. A postmortem must not stop the bake: the stack unwinds to here, and flexmark's
     * parser and renderer, which keep no state between documents, stay usable. The text is then shown as written.
     */
    private static String verbatim(String markdown) {
        return "<pre>" + escape(markdown) + "</pre>";
    }

    /**
     * Whether some line opens more than {@code limit} levels of lists and quotes, counted the cheap way before
     * flexmark is given the text: each {@code >} and list marker at the start of the line is a level, and every two
     * columns of indentation beyond a marker's own space one more (an indented list item is nested in the one
     * above). Lines inside fenced code nest nothing. The count may run high for deeply indented prose, never low.
     */
    static boolean nestsDeeperThan(String markdown, int limit) {
        boolean inFence = false;
        int length = markdown.length();
        int start = 0;
        while (start < length) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) end = length;
            int levels = 0;
            int columns = 0;
            int i = start;
            while (i < end) {
                char c = markdown.charAt(i);
                if (c == ' ' || c == '\t') {
                    columns += c == '\t' ? 4 : 1;
                    i++;
                } else if (c == '>' || (c == '-' || c == '*' || c == '+') && isBlankAt(markdown, i + 1, end)) {
                    levels++;
                    i = afterMarker(markdown, i + 1, end);
                } else {
                    int digits = i;
                    while (digits < end && digits - i < 9 && Character.isDigit(markdown.charAt(digits))) digits++;
                    if (digits == i || digits >= end || (markdown.charAt(digits) != '.' && markdown.charAt(digits) != ')')
                            || !isBlankAt(markdown, digits + 1, end)) {
                        break;
                    }
                    levels++;
                    i = afterMarker(markdown, digits + 1, end);
                }
            }
            if (markdown.startsWith("```", i) || markdown.startsWith("~~~", i)) inFence = !inFence;
            else if (!inFence && levels + columns / 2 > limit) return true;
            start = end + 1;
        }
        return false;
    }

    /** Past the one space that belongs to a marker: only indentation beyond it nests. */
    private static int afterMarker(String text, int index, int end) {
        return index < end && (text.charAt(index) == ' ' || text.charAt(index) == '\t') ? index + 1 : index;
    }

    private static boolean isBlankAt(String text, int index, int end) {
        return index >= end || text.charAt(index) == ' ' || text.charAt(index) == '\t';
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String plainText(Node document) {
        StringBuilder out = new StringBuilder();
        walk(document, out);
        return out.toString().strip();
    }

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
        } else {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) walk(child, out);
        }
        if (node instanceof Block) {
            out.append('\n');
        } else if (!(node instanceof Text || node instanceof Emphasis || node instanceof StrongEmphasis)
                && out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.append(' '); // keep inline elements apart: `code`word, [link](u)word
        }
    }
}
