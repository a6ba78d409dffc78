package dev.pmkb.jbake;

import dev.pmkb.render.Page;
import dev.pmkb.render.SiteInfo;

import java.io.IOException;

/**
 * Renders single pages outside a bake, exactly as a bake renders them: {@code pmkb serve} uses it to put an edited
 * postmortem's page in place before the full rebake. It has its own configuration, template engines and (empty)
 * content store, and touches none of jbake-core's static state (content store singleton, document types, model
 * extractors, parser engines), so unlike {@link JBakeSite} it takes no lock and may run while a bake holds it.
 * Thread-safe: FreeMarker templates are.
 */
public final class PageRenderer {

    private final Templates templates;

    private PageRenderer(Templates templates) {
        this.templates = templates;
    }

    /** {@code folders.output()} only has to exist: nothing is written there. */
    public static PageRenderer open(JBakeSite.Folders folders) {
        return new PageRenderer(new Templates(JBakeSite.configuration(folders), new InMemoryContentStore()));
    }

    public String render(Page page, SiteInfo site) throws IOException {
        JBakeSite.PageWriter out = new JBakeSite.PageWriter();
        JBakeSite.render(templates, page, site, out);
        return out.text();
    }
}
