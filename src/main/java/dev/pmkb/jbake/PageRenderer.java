package dev.pmkb.jbake;

import dev.pmkb.render.Page;
import dev.pmkb.render.SiteInfo;
import org.jbake.template.DelegatingTemplateEngine;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Renders single pages outside a bake, exactly as a bake renders them: {@code pmkb serve} uses it to put an edited
 * postmortem's page in place before the full rebake. It has its own configuration, template engines and (empty)
 * content store, and touches none of jbake-core's static state (content store singleton, document types, model
 * extractors, parser engines), so unlike {@link JBakeSite} it takes no lock and may run while a bake holds it.
 * Thread-safe: FreeMarker templates are.
 */
public final class PageRenderer {

    private final DelegatingTemplateEngine templates;

    private PageRenderer(DelegatingTemplateEngine templates) {
        this.templates = templates;
    }

    /** {@code folders.output()} only has to exist: nothing is written there. */
    public static PageRenderer open(JBakeSite.Folders folders) {
        return new PageRenderer(new DelegatingTemplateEngine(new InMemoryContentStore(),
                JBakeSite.configuration(folders)));
    }

    public String render(Page page, SiteInfo site) throws IOException {
        StringWriter out = new StringWriter(32 * 1024);
        JBakeSite.render(templates, page, site, out);
        return out.toString();
    }
}
