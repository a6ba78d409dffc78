package dev.pmkb.jbake;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.template.AbstractTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * FreeMarker for {@code .ftlh} (HTML) and {@code .ftlx} (XML) templates, registered with JBake's template
 * engines by file extension. Unlike JBake's own FreeMarker engine it escapes every value by default (a
 * postmortem's title may contain {@code <script>}), exposes records to templates as {@code page.title},
 * fails on any template error instead of printing it into the page, and offers no lazy whole-library
 * variables: a template sees only what pmkb computed for its page.
 */
public final class PmkbTemplateEngine extends AbstractTemplateEngine {

    /** Where pmkb's own templates are on its classpath (the build copies {@code templates/} there). */
    static final String BUNDLED_TEMPLATES = "/pmkb-site/templates";

    private final Configuration freemarker;

    public PmkbTemplateEngine(JBakeConfiguration config, ContentStore db) {
        super(config, db);
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        // A project overrides templates one at a time: what its folder lacks (a page, the layout) is pmkb's own.
        try {
            freemarker.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[]{
                    new FileTemplateLoader(config.getTemplateFolder()),
                    new ClassTemplateLoader(PmkbTemplateEngine.class, BUNDLED_TEMPLATES)}));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read templates from " + config.getTemplateFolder(), e);
        }
    }

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
        // JBake adds its whole configuration to every model; templates get pmkb's values only.
        Map<String, Object> data = new HashMap<>(model);
        data.remove("config");
        data.remove("renderer");
        try {
            Template template = freemarker.getTemplate(templateName);
            template.process(data, writer);
        } catch (IOException | TemplateException e) {
            throw new RenderingException(templateName + ": " + e.getMessage(), e);
        }
    }
}
