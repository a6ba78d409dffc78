package dev.pmkb.understand;

import dev.pmkb.model.Causes;
import dev.pmkb.model.Detection;
import dev.pmkb.model.Facts;
import dev.pmkb.model.Impact;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.SourceDocument;
import dev.pmkb.model.Taxonomy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Interim: header facts only, until the understanding stage lands (replaced on merge). */
public final class Understander {
    public static Understander defaults() { return new Understander(); }
    public static Understander forSite(Path siteRoot, Properties config) { return new Understander(); }
    public Taxonomy taxonomy() { return new Taxonomy(List.of()); }

    public Postmortem understand(SourceDocument doc) {
        String id = doc.source().replaceAll("\\.[^./]+$", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/]+", "-");
        String title = doc.frontMatter().text("title").orElseGet(() -> doc.markdown().lines()
                .filter(l -> !l.isBlank()).findFirst().orElse(id).replaceAll("^[#*\\s]+|[*\\s]+$", ""));
        LocalDate date = doc.frontMatter().text("date").map(d -> LocalDate.parse(d.substring(0, 10))).orElse(null);
        List<String> tags = doc.frontMatter().list("tags");
        Facts facts = new Facts(null, null, null, null, null, Impact.NONE, List.of(), List.of(), Detection.NONE,
                List.of(), null, null, List.of(), List.of(), new Causes(tags.isEmpty() ? List.of("unknown") : tags, false));
        boolean draft = doc.frontMatter().text("status").map("draft"::equals).orElse(false);
        return new Postmortem(id, doc.source(), title, date, date == null ? Postmortem.DateOrigin.NONE
                : Postmortem.DateOrigin.HEADER, draft, facts, doc.markdown(), doc.problems());
    }
}
