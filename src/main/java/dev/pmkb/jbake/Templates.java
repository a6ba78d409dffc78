package dev.pmkb.jbake;

import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.template.DelegatingTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

import java.io.Writer;

/**
 * Renders a page's template as jbake-core's {@link DelegatingTemplateEngine} would, without what it costs per page.
 * The delegating engine copies jbake-core's whole configuration into every page's model ({@code asHashMap()}, a
 * tenth of rendering at 10,000 pages), which {@link PmkbTemplateEngine} then drops, and on its construction it loads
 * every template engine jbake-core knows (Groovy, Thymeleaf, Jade, Pebble: absent, each failing to load). pmkb's
 * {@code .ftlh} and {@code .ftlx} templates go straight to {@link PmkbTemplateEngine}, the engine the delegating one
 * picks for them; it is made only for a template of another kind. (For a five-letter extension the delegating
 * engine's search for an alternative template looks for {@code name..ext} files only, which no project has.)
 */
final class Templates {

    private final JBakeConfiguration config;
    private final ContentStore db;
    private final PmkbTemplateEngine pmkb;
    private final String version;
    private volatile DelegatingTemplateEngine others;

    Templates(JBakeConfiguration config, ContentStore db) {
        this.config = config;
        this.db = db;
        this.pmkb = new PmkbTemplateEngine(config, db);
        this.version = config.getVersion();
    }

    void render(TemplateModel model, String templateName, Writer out) throws RenderingException {
        if (templateName.endsWith(".ftlh") || templateName.endsWith(".ftlx")) {
            model.setVersion(version);
            pmkb.renderDocument(model, templateName, out);
        } else {
            others().renderDocument(model, templateName, out);
        }
    }

    private DelegatingTemplateEngine others() {
        DelegatingTemplateEngine engine = others;
        if (engine == null) {
            synchronized (this) {
                if (others == null) others = new DelegatingTemplateEngine(db, config);
                engine = others;
            }
        }
        return engine;
    }
}
