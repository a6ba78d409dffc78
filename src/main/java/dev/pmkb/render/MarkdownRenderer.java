package dev.pmkb.render;

import dev.pmkb.model.ParsedBody;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a postmortem's Markdown into HTML that is safe to put in front of a reader. Postmortems are written
 * by many people, so raw HTML in them is cleaned down to the harmless formatting people use in Markdown:
 * no scripts, no event handlers, no {@code javascript:} URLs, no styles, no forms or frames.
 * <p>
 * One instance is shared by all threads of a bake. The Markdown itself is parsed by the read stage
 * ({@code dev.pmkb.read.MarkdownParser}). Not final: the build cache ({@code site.SanitizedHtmlCache}) keeps what
 * {@link #toHtml} made, with the questions it asked its {@link ContentLinks}.
 */
public class MarkdownRenderer {

    private static final String CONTENT_BASE = "https://content.pmkb.invalid/";

    // Parsed once: jsoup parses a CSS query on every select(String), and a bake selects four times per page.
    private static final Evaluator LINKS_AND_IMAGES = QueryParser.parse("a[href], img[src]");
    private static final Evaluator EXTERNAL_LINKS = QueryParser.parse("a[href^=http]");
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p");
    private static final Evaluator INPUTS = QueryParser.parse("input");
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile("h[1-6]");
    private static final java.util.regex.Pattern TRAILING_PUNCTUATION = java.util.regex.Pattern.compile("[.,;:!?)\\]'\"]+$");
    private static final java.util.regex.Pattern NOT_LETTERS_OR_DIGITS = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    /** Elements whose text is never turned into links: links themselves and code. */
    private static final java.util.Set<String> NOT_LINKED_INSIDE = java.util.Set.of("a", "code", "pre", "kbd");

    private final Safelist safelist;
    private final Cleaner cleaner;
    private final ContentLinks links;
    private final boolean remoteImages;

    /**
     * What relative links in postmortems may point at: files of the content folder, and other postmortems
     * (whose links are turned into links to their pages).
     */
    public interface ContentLinks {
        /** The page URL of the postmortem at {@code contentPath}, or null when it is not one. */
        String pageOf(String contentPath);

        /** Whether {@code contentPath} is a file of the content folder (copied to the site). */
        boolean exists(String contentPath);

        /** Called for a relative link whose target is missing; the link is kept as text. */
        void broken(String source, String target);
    }

    public MarkdownRenderer(ContentLinks links) {
        this(links, false);
    }

    /**
     * @param remoteImages whether images from other sites are shown; otherwise each becomes a link to the image, since
     *                     loading it would tell the image's host who reads the postmortem, and when
     */
    public MarkdownRenderer(ContentLinks links, boolean remoteImages) {
        this.links = links;
        this.remoteImages = remoteImages;
        safelist = safelist();
        cleaner = new Cleaner(safelist);
    }

    static Safelist safelist() {
        return Safelist.relaxed()
                .addTags("hr", "del", "s", "input", "details", "summary", "kbd", "mark", "figure", "figcaption")
                .addAttributes("input", "type", "checked", "disabled")
                .addAttributes("code", "class")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                .addProtocols("img", "src", "http", "https")
                .preserveRelativeLinks(true);
    }

    /**
     * Makes the HTML of a postmortem's body, parsed when it was read, safe for the page at {@code pageUrl} (relative
     * to the site root); the Markdown came from the file at {@code source} (relative to the content folder).
     * Relative links and images are rewritten so they still point at the files copied from the content folder.
     * When {@code title} is given, the page shows it as its own heading: a leading heading with the same text is
     * dropped, and the other headings move one level down so they sit below the page's sections.
     */
    public String toHtml(ParsedBody body, String source, String pageUrl, String title) {
        return sanitize(body.unsafeHtml(), source, pageUrl, title);
    }

    /**
     * What {@link #toHtml} makes, asking the same questions of the {@link ContentLinks} now; a renderer that keeps the
     * HTML elsewhere may give it with a key that stands for it and read it only when a page must show it.
     */
    public BodyHtml bodyHtml(ParsedBody body, String source, String pageUrl, String title) {
        return BodyHtml.made(toHtml(body, source, pageUrl, title));
    }

    private String sanitize(String raw, String source, String pageUrl, String title) {
        String sourceDir = source.contains("/") ? source.substring(0, source.lastIndexOf('/') + 1) : "";
        Document dirty = Jsoup.parseBodyFragment(raw, CONTENT_BASE + sourceDir);
        Document clean = cleanedInPlace(dirty.body()) ? dirty : cleaner.clean(dirty);
        clean.outputSettings().prettyPrint(false);
        String toRoot = "../".repeat((int) pageUrl.chars().filter(c -> c == '/').count());
        for (Element el : clean.select(LINKS_AND_IMAGES)) {
            String attr = el.hasAttr("href") ? "href" : "src";
            String target = relocate(el.attr(attr), source, sourceDir, toRoot);
            if (target != null && attr.equals("src") && !remoteImages && isRemote(target)) {
                String alt = el.attr("alt").strip();
                el.replaceWith(new Element("a").attr("href", target).text(alt.isEmpty() ? target : alt));
            } else if (target != null) {
                el.attr(attr, target);
            } else if (el.tagName().equals("img")) {
                el.replaceWith(new TextNode(el.attr("alt")));
            } else {
                el.unwrap();
            }
        }
        linkBareUrls(clean.body());
        for (Element paragraph : clean.select(PARAGRAPHS)) WrittenLines.keepLines(paragraph);
        for (Element a : clean.select(EXTERNAL_LINKS)) {
            a.attr("rel", "nofollow noopener noreferrer");
        }
        if (title != null) nestHeadings(clean, title);
        for (Element input : clean.select(INPUTS)) {
            if (!"checkbox".equals(input.attr("type"))) input.remove();
            else input.attr("disabled", "disabled");
        }
        return clean.body().html();
    }

    /**
     * Cleans {@code body} where it is, when the cleaner would only drop attributes from it (flexmark's classes on a task
     * list, say): removes those and returns true; the cleaner's copy would then be the same tree. Returns false when
     * the body holds anything else the cleaner drops or changes (a tag not allowed, a comment, CDATA, an attribute
     * it enforces): then the body goes through the cleaner, which drops the attributes removed here anyway.
     */
    boolean cleanedInPlace(Element body) {
        boolean[] dropped = {false};
        body.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == body || cleanedInPlace(node)) return FilterResult.CONTINUE;
                dropped[0] = true;
                return FilterResult.STOP;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        });
        return !dropped[0];
    }

    private boolean cleanedInPlace(Node node) {
        if (node.getClass() == TextNode.class) return true; // not its subclass CDataNode, which the cleaner turns into text
        if (node.getClass() != Element.class) return false;
        Element element = (Element) node;
        String tag = element.tagName();
        if (!safelist.isSafeTag(element.normalName()) || !safelist.getEnforcedAttributes(tag).isEmpty()) return false;
        List<String> unsafe = null;
        for (Attribute attribute : element.attributes()) {
            if (safelist.isSafeAttribute(tag, element, attribute)) continue;
            if (unsafe == null) unsafe = new ArrayList<>();
            unsafe.add(attribute.getKey());
        }
        if (unsafe != null) unsafe.forEach(element::removeAttr);
        return true;
    }

    /**
     * Turns bare http(s) URLs in text into links. Done here rather than with flexmark's autolink extension,
     * which tripled the cost of rendering a postmortem.
     */
    private static void linkBareUrls(Element root) {
        // by index, not through textNodes() and children(): those copy the child list of every element
        for (int i = 0; i < root.childNodeSize(); i++) {
            Node child = root.childNode(i);
            if (child instanceof Element element) {
                if (!NOT_LINKED_INSIDE.contains(element.normalName())) linkBareUrls(element);
            } else if (child instanceof TextNode text) {
                i += linkBareUrls(text) - 1;
            }
        }
    }

    /** Links the bare URLs of one text node; how many nodes now stand in its place. */
    private static int linkBareUrls(TextNode text) {
        String s = text.getWholeText();
        if (!s.contains("http")) return 1;
        java.util.regex.Matcher m = BARE_URL.matcher(s);
        if (!m.find()) return 1;
        Element span = new Element("span");
        int last = 0;
        do {
            String url = TRAILING_PUNCTUATION.matcher(m.group()).replaceAll("");
            span.appendText(s.substring(last, m.start()));
            span.appendElement("a").attr("href", url).text(url);
            last = m.start() + url.length();
        } while (m.find(last));
        span.appendText(s.substring(last));
        text.replaceWith(span);
        int replacing = span.childNodeSize();
        span.unwrap();
        return replacing;
    }

    private static final java.util.regex.Pattern BARE_URL = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");

    private static void nestHeadings(Document doc, String title) {
        Element first = doc.body().children().first();
        if (first != null && HEADING.matcher(first.tagName()).matches() && sameText(first.text(), title)) first.remove();
        for (Element h : doc.select(HEADINGS)) {
            int level = h.tagName().charAt(1) - '0';
            h.tagName("h" + Math.min(6, level + 1));
        }
    }

    private static boolean sameText(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    private static String normalize(String s) {
        return NOT_LETTERS_OR_DIGITS.matcher(s).replaceAll(" ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A link relative to the Markdown file becomes relative to the page; a link to another postmortem becomes
     * a link to its page; absolute ones stay as they are. Null when the target does not exist.
     */
    String relocate(String url, String source, String sourceDir, String toRoot) {
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || hasScheme(url)) return url;
        URI resolved;
        try {
            resolved = URI.create(CONTENT_BASE).resolve(sourceDir.replace(" ", "%20")).resolve(url.replace(" ", "%20"));
        } catch (IllegalArgumentException notAUri) {
            links.broken(source, url);
            return null;
        }
        String path = resolved.getPath().substring(1);
        String fragment = resolved.getRawFragment() != null ? "#" + resolved.getRawFragment() : "";
        String page = links.pageOf(path);
        if (page != null) return toRoot + page + fragment;
        if (path.isEmpty() || !links.exists(path)) {
            links.broken(source, url);
            return null;
        }
        String query = resolved.getRawQuery() != null ? "?" + resolved.getRawQuery() : "";
        return toRoot + resolved.getRawPath().substring(1) + query + fragment;
    }

    /** A URL that leaves the site: with a scheme, or protocol-relative ({@code //host/x.png}). */
    private static boolean isRemote(String url) {
        return hasScheme(url) || url.strip().replace('\\', '/').startsWith("//");
    }

    private static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        return colon > 0 && SCHEME.matcher(url.substring(0, colon)).matches();
    }
}
