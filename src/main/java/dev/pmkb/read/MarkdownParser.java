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
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.emoji.Emoji;
import com.vladsch.flexmark.ext.emoji.EmojiExtension;
import com.vladsch.flexmark.ext.emoji.EmojiImageType;
import com.vladsch.flexmark.ext.emoji.EmojiShortcutType;
import com.vladsch.flexmark.ext.emoji.internal.EmojiReference;
import com.vladsch.flexmark.ext.emoji.internal.EmojiShortcuts;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.LineAppendable;
import com.vladsch.flexmark.util.sequence.SubSequence;
import dev.pmkb.model.ParsedBody;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * pmkb's one Markdown dialect (CommonMark with GitHub's tables, strikethrough, task lists and emoji shortcodes such as
 * {@code :fire:}, shown as the emoji itself; unknown ones stay text), parsed with flexmark
 * into HTML and into plain text. The plain text is the words a reader sees: text, link texts, image alt texts,
 * inline code and code blocks; no URLs, no HTML tags, no Markdown punctuation; blocks end with a line break.
 *
 * <p>Thread-safe: flexmark's parser and renderer are immutable once built, and building them per file was a fifth
 * of JBake's crawl time in the spike.
 */
public final class MarkdownParser {

    /**
     * A parser and renderer per set of optional extensions, indexed by {@link #TABLES}, {@link #EMOJI},
     * {@link #STRIKETHROUGH} and {@link #TASKS}: a text that cannot hold a table, an emoji shortcode, a struck-out
     * text or a task is parsed without those extensions (tables and emoji alone are a tenth of flexmark's time on
     * every paragraph), and gives the same document (MarkdownParserExtensionsPropertyTest).
     */
    private static final Parser[] PARSERS = new Parser[16];
    private static final HtmlRenderer[] RENDERERS = new HtmlRenderer[16];
    static final int TABLES = 1;
    static final int EMOJI = 2;
    static final int STRIKETHROUGH = 4;
    static final int TASKS = 8;
    static final int EVERY_EXTENSION = TABLES | EMOJI | STRIKETHROUGH | TASKS;

    static {
        for (int extensions = 0; extensions <= EVERY_EXTENSION; extensions++) {
            MutableDataSet options = new MutableDataSet();
            List<com.vladsch.flexmark.util.misc.Extension> chosen = new java.util.ArrayList<>();
            if ((extensions & TABLES) != 0) chosen.add(TablesExtension.create());
            if ((extensions & STRIKETHROUGH) != 0) chosen.add(StrikethroughExtension.create());
            if ((extensions & TASKS) != 0) chosen.add(TaskListExtension.create());
            if ((extensions & EMOJI) != 0) chosen.add(EmojiExtension.create());
            options.set(Parser.EXTENSIONS, chosen);
            options.set(EmojiExtension.USE_SHORTCUT_TYPE, EmojiShortcutType.GITHUB);
            options.set(EmojiExtension.USE_IMAGE_TYPE, EmojiImageType.UNICODE_ONLY);
            options.set(HtmlRenderer.SOFT_BREAK, "\n");
            // flexmark's writer would otherwise re-examine every piece of output for indentation and trailing spaces
            // that pmkb's HTML never needs: the same HTML (checked on 1,000 generated postmortems), a fifth faster
            options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_PASS_THROUGH);
            // flexmark makes every heading's id by default, although it renders them only with RENDER_HEADER_ID (off):
            // a tenth of writing the HTML, for nothing
            options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
            PARSERS[extensions] = Parser.builder(options).build();
            // Registered first, so it renders text in place of flexmark's own renderer (which comes last)
            RENDERERS[extensions] = HtmlRenderer.builder(options).nodeRendererFactory(textOptions -> new TextRenderer()).build();
        }
    }

    /**
     * The optional extensions {@code markdown} may need. A table needs a {@code |}. An emoji needs a colon that
     * can open one (flexmark's: not after an ASCII digit, before no space) and a later colon that can close one
     * (before no ASCII digit): "10:32" and "Cause: a disk" hold neither. Brackets read as text with the extension
     * and as a reference to nothing without it give the same page and words (the plain-text walk writes such a
     * reference as written). Struck-out text needs a {@code ~}, a task one character in brackets ({@code [ ]},
     * {@code [x]}). Each test may say yes where flexmark finds nothing, never the other way round.
     */
    static int extensionsFor(String markdown) {
        int extensions = markdown.indexOf('|') >= 0 ? TABLES : 0;
        if (markdown.indexOf('~') >= 0) extensions |= STRIKETHROUGH;
        for (int i = markdown.indexOf('['); i >= 0 && i + 2 < markdown.length(); i = markdown.indexOf('[', i + 1)) {
            if (markdown.charAt(i + 2) == ']') {
                extensions |= TASKS;
                break;
            }
        }
        int n = markdown.length();
        // flexmark's emoji delimiter drops the indent of a line after a backslash line break when a colon follows on
        // it: rare enough in postmortems to keep the extension for any colon then
        if (markdown.indexOf(':') >= 0 && (markdown.contains("\\\n") || markdown.contains("\\\r"))) {
            return extensions | EMOJI;
        }
        boolean opener = false;
        for (int i = markdown.indexOf(':'); i >= 0; i = markdown.indexOf(':', i + 1)) {
            if (opener && (i + 1 == n || !isAsciiDigit(markdown.charAt(i + 1)))) return extensions | EMOJI;
            if ((i == 0 || !isAsciiDigit(markdown.charAt(i - 1))) && i + 1 < n && !isSpace(markdown.charAt(i + 1))) {
                opener = true;
            }
        }
        return extensions;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Only the characters flexmark surely takes for white space: any other may stand after an opener. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private MarkdownParser() {
    }

    private static final Pattern SHORTCODE = Pattern.compile("(?<![\\w:]):([a-z0-9_+\\-]{1,40}):(?![\\w:])");

    /**
     * {@code text} with GitHub's emoji shortcodes ({@code :clipboard:}) replaced by the emoji, as the body shows
     * them; for text read outside the Markdown, such as a title taken from a heading. Unknown ones stay as written.
     */
    public static String withEmoji(String text) {
        if (text == null || text.indexOf(':') < 0) return text;
        Matcher m = SHORTCODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            EmojiReference.Emoji emoji = EmojiShortcuts.getEmojiFromShortcut(m.group(1));
            String unicode = emoji == null || emoji.githubFile == null ? null : EmojiShortcuts.getUnicodeChars(emoji);
            m.appendReplacement(out, Matcher.quoteReplacement(unicode != null ? unicode : m.group()));
        }
        return m.appendTail(out).toString();
    }

    /** A postmortem's body, parsed once into its (not yet sanitised) HTML and its plain text. */
    public static ParsedBody parse(String markdown) {
        if (markdown == null || markdown.isBlank()) return ParsedBody.EMPTY;
        if (overWorkBudget(markdown)) return new ParsedBody(verbatim(markdown), markdown, true);
        return parse(markdown, extensionsFor(markdown));
    }

    /** {@code markdown} parsed with the optional {@code extensions} only (for tests: with all of them). */
    static ParsedBody parse(String markdown, int extensions) {
        try {
            Node document = PARSERS[extensions].parse(markdown);
            return new ParsedBody(RENDERERS[extensions].render(document), plainText(document), false);
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
     * Whether flexmark should not be given this text: its work grows with the square of some shapes, and a hostile
     * or generated file of them would hold the bake for minutes or forever. Counted the cheap way, in one pass:
     * <ul>
     * <li>the levels of lists and quotes a line opens: each {@code >} and list marker at its start is a level, and
     * every two columns of indentation beyond a marker's own space one more (an indented list item is nested in the
     * one above). The count may run high for deeply indented prose, never low;
     * <li>the lines of one paragraph or table (non-blank lines in a row that start no list item): flexmark re-reads
     * a paragraph for link reference definitions and table rows once per line (20,000 lines of links: 9 s);
     * <li>the links of one paragraph ({@code ](}): each unclosed one is searched to the paragraph's end (80,000
     * {@code [a](} in a row: 2 minutes).
     * </ul>
     * Lines inside fenced code count for none of these.
     */
    static boolean overWorkBudget(String markdown) {
        boolean inFence = false;
        int blockLines = 0;
        int blockLinks = 0;
        int nextLink = markdown.indexOf("](");
        int length = markdown.length();
        int start = 0;
        while (start < length) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) end = length;
            int levels = 0;
            int columns = 0;
            boolean listItem = false;
            int i = start;
            while (i < end) {
                char c = markdown.charAt(i);
                if (c == ' ' || c == '\t') {
                    columns += c == '\t' ? 4 : 1;
                    i++;
                } else if (c == '>') {
                    levels++;
                    i = afterMarker(markdown, i + 1, end);
                } else if ((c == '-' || c == '*' || c == '+') && isBlankAt(markdown, i + 1, end)) {
                    levels++;
                    listItem = true;
                    i = afterMarker(markdown, i + 1, end);
                } else {
                    int digits = i;
                    while (digits < end && digits - i < 9 && Character.isDigit(markdown.charAt(digits))) digits++;
                    if (digits == i || digits >= end || (markdown.charAt(digits) != '.' && markdown.charAt(digits) != ')')
                            || !isBlankAt(markdown, digits + 1, end)) {
                        break;
                    }
                    levels++;
                    listItem = true;
                    i = afterMarker(markdown, digits + 1, end);
                }
            }
            if (markdown.startsWith("```", i) || markdown.startsWith("~~~", i)) {
                inFence = !inFence;
                blockLines = 0;
                blockLinks = 0;
            } else if (!inFence) {
                if (levels + columns / 2 > Limits.MAX_NESTING) return true;
                if (i == end && levels == 0) {
                    blockLines = 0;
                    blockLinks = 0;
                } else {
                    if (!listItem && ++blockLines > Limits.MAX_BLOCK_LINES) return true;
                    for (; nextLink >= 0 && nextLink < end; nextLink = markdown.indexOf("](", nextLink + 2)) {
                        if (++blockLinks > Limits.MAX_BLOCK_LINKS) return true;
                    }
                }
            }
            // the next link past this line: one search over the whole text, not one per line
            while (nextLink >= 0 && nextLink < end) nextLink = markdown.indexOf("](", nextLink + 2);
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
            appendChars(out, node.getChars());
        } else if (node instanceof AutoLink link) {
            out.append(link.getText());
        } else if (node instanceof MailLink link) {
            out.append(link.getText());
        } else if (node instanceof FencedCodeBlock code) {
            appendChars(out, code.getContentChars());
        } else if (node instanceof IndentedCodeBlock code) {
            appendChars(out, code.getContentChars());
        } else if (node instanceof Emoji) {
            out.append(node.getChars()); // as written: the search finds ":fire:" by its word, as before
        } else if (node instanceof RefNode ref && !ref.isDefined()) {
            // shown as written, brackets and all, as the page shows it; flexmark reads "a: [*]" as text with the
            // emoji extension and as an undefined reference without it, and the two must give one text
            out.append(node.getChars().prefixOf(node.getChildChars()));
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) walk(child, out);
            out.append(node.getChars().suffixOf(node.getChildChars()));
            return;
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append('\n');
        } else {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) walk(child, out);
        }
        if (node instanceof Block) {
            out.append('\n');
        } else if (!(node instanceof Text || node instanceof Emphasis || node instanceof StrongEmphasis || node instanceof Emoji)
                && out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.append(' '); // keep inline elements apart: `code`word, [link](u)word
        }
    }

    /**
     * The characters flexmark's sequence gives, copied from the text it points into when it is one piece of a
     * string: appending the sequence asks for every character through two interfaces. flexmark reads a NUL
     * character as U+FFFD, so a piece with one is left to it.
     */
    private static void appendChars(StringBuilder out, BasedSequence chars) {
        String piece = stringOf(chars);
        if (piece != null) out.append(piece);
        else out.append(chars);
    }

    /** What {@code chars.toString()} gives, when the sequence is one NUL-free piece of a string; else null. */
    static String stringOf(BasedSequence chars) {
        if (!(chars instanceof SubSequence) || !(chars.getBase() instanceof String base)) return null;
        int from = chars.getStartOffset();
        int to = chars.getEndOffset();
        if (from < 0 || to > base.length() || from > to || base.indexOf('\0', from, to) >= 0) return null;
        return base.substring(from, to);
    }

    /**
     * flexmark's rendering of text ({@code html.text(Escaping.normalizeEOL(chars.unescape()))}) without its
     * detours for the text that needs none of them: with no backslash or ampersand there is nothing to
     * unescape, with no carriage return no line end to normalise, and with none of {@code &<>"} nothing to
     * escape. Text is most of what a postmortem is.
     */
    private static final class TextRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Text.class, (node, context, html) -> {
                String text = renderedText(node.getChars());
                // html.text escapes with a regex; text without a character to escape is written as it is
                if (hasHtmlSpecial(text)) html.text(text);
                else html.raw(text);
            }));
        }
    }

    /** Whether {@code text} holds one of the characters flexmark escapes in text ({@code [&<>"]}). */
    private static boolean hasHtmlSpecial(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') return true;
        }
        return false;
    }

    /** The text flexmark's own renderer escapes and writes for a text node of {@code chars}. */
    static String renderedText(BasedSequence chars) {
        String text = stringOf(chars);
        if (text == null || text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) text = chars.unescape();
        return text.indexOf('\r') < 0 ? text : Escaping.normalizeEOL(text);
    }
}
