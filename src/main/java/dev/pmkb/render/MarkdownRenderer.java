package dev.pmkb.render;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.net.URI;
import java.util.List;

/**
 * Turns a postmortem's Markdown into HTML that is safe to put in front of a reader. Postmortems are written
 * by many people, so raw HTML in them is cleaned down to the harmless formatting people use in Markdown:
 * no scripts, no event handlers, no {@code javascript:} URLs, no styles, no forms or frames.
 * <p>
 * One instance is shared by all threads of a bake: flexmark's parser and renderer are immutable once built,
 * and building them per file was a fifth of JBake's crawl time in the spike.
 */
public final class MarkdownRenderer {

    private static final String CONTENT_BASE = "https://content.pmkb.invalid/";

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Cleaner cleaner;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), AutolinkExtension.create()));
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
        cleaner = new Cleaner(safelist());
    }

    private static Safelist safelist() {
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
     * Renders {@code markdown} from the file at {@code source} (relative to the content folder) for a page at
     * {@code pageUrl} (relative to the site root). Relative links and images are rewritten so they still point
     * at the files copied from the content folder.
     */
    public String toHtml(String markdown, String source, String pageUrl) {
        String raw = renderer.render(parser.parse(markdown));
        String sourceDir = source.contains("/") ? source.substring(0, source.lastIndexOf('/') + 1) : "";
        Document dirty = Jsoup.parseBodyFragment(raw, CONTENT_BASE + sourceDir);
        Document clean = cleaner.clean(dirty);
        clean.outputSettings().prettyPrint(false);
        String toRoot = "../".repeat((int) pageUrl.chars().filter(c -> c == '/').count());
        for (Element el : clean.select("a[href], img[src]")) {
            String attr = el.hasAttr("href") ? "href" : "src";
            el.attr(attr, relocate(el.attr(attr), sourceDir, toRoot));
        }
        for (Element a : clean.select("a[href^=http]")) {
            a.attr("rel", "nofollow noopener noreferrer");
        }
        for (Element input : clean.select("input")) {
            if (!"checkbox".equals(input.attr("type"))) input.remove();
            else input.attr("disabled", "disabled");
        }
        return clean.body().html();
    }

    /** A link relative to the Markdown file becomes relative to the page; absolute ones stay as they are. */
    static String relocate(String url, String sourceDir, String toRoot) {
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || hasScheme(url)) return url;
        URI resolved = URI.create(CONTENT_BASE).resolve(sourceDir.replace(" ", "%20")).resolve(url.replace(" ", "%20"));
        String path = resolved.getRawPath().substring(1);
        String tail = (resolved.getRawQuery() != null ? "?" + resolved.getRawQuery() : "")
                + (resolved.getRawFragment() != null ? "#" + resolved.getRawFragment() : "");
        return toRoot + path + tail;
    }

    private static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        return colon > 0 && url.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }
}
