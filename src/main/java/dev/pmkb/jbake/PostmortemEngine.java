package dev.pmkb.jbake;

import dev.pmkb.model.Postmortem;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.MarkupEngine;

import java.io.File;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

/**
 * The markup engine that makes JBake's document of each postmortem file. pmkb has already read and understood
 * each postmortem (in parallel, outside JBake), so this engine only builds the document the content store
 * keeps. A file pmkb did not prepare returns null, which pmkb reports as lost.
 */
final class PostmortemEngine extends MarkupEngine {

    static final String ID = "pmkb_id";

    private final Map<File, Postmortem> prepared;

    PostmortemEngine(Map<File, Postmortem> prepared) {
        this.prepared = prepared;
    }

    @Override
    public DocumentModel parse(JBakeConfiguration config, File file) {
        Postmortem p = prepared.get(file.getAbsoluteFile());
        if (p == null) return null;
        DocumentModel doc = new DocumentModel();
        doc.setType(JBakeSite.INCIDENT_TYPE);
        doc.setStatus(p.draft() ? "draft" : "published");
        doc.setTitle(p.title());
        // JBake orders by date and requires one; undated incidents sort last, pmkb shows them as undated.
        doc.setDate(p.date() == null ? new Date(0) : Date.from(p.date().atStartOfDay().toInstant(ZoneOffset.UTC)));
        doc.setTags(p.facts().causes().slugs().toArray(String[]::new));
        doc.setBody("");
        doc.put(ID, p.id());
        return doc;
    }
}
