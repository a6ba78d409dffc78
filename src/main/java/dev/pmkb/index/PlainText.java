package dev.pmkb.index;

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
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * Markdown reduced to the words a reader sees: text, link texts, image alt texts, inline code and code blocks;
 * no URLs, no HTML tags, no Markdown punctuation. Blocks end with a line break.
 */
public final class PlainText {

    private static final Parser PARSER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        PARSER = Parser.builder(options).build();
    }

    private PlainText() {
    }

    public static String of(String markdown) {
        if (markdown == null || markdown.isBlank()) return "";
        StringBuilder out = new StringBuilder(markdown.length());
        walk(PARSER.parse(markdown), out);
        return out.toString().strip();
    }

    /**
     * The plain text of several Markdown parts, each followed by a blank line; blank or null parts are left out.
     * Parts that cannot change how the next one parses (no code fences or spans, no HTML) are parsed as one
     * document: each parse has a fixed cost, and for the few sentences of a root cause or a summary that cost is
     * most of it.
     */
    public static String ofParts(List<String> parts) {
        List<String> present = parts.stream().filter(part -> part != null && !part.isBlank()).toList();
        boolean independent = present.stream()
                .noneMatch(part -> part.indexOf('`') >= 0 || part.indexOf('~') >= 0 || part.indexOf('<') >= 0);
        StringBuilder out = new StringBuilder();
        if (independent && present.size() > 1) {
            String plain = of(String.join("\n\n", present));
            return plain.isBlank() ? "" : plain + "\n\n";
        }
        for (String part : present) {
            String plain = of(part);
            if (!plain.isBlank()) out.append(plain).append("\n\n");
        }
        return out.toString();
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
