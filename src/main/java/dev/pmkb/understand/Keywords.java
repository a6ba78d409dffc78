package dev.pmkb.understand;

import dev.pmkb.model.FrontMatter;
import dev.pmkb.model.Taxonomy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JBake-style free tags ({@code tags=kafka, consumer lag}) that name no root cause of the taxonomy: the author's
 * keywords, kept as written. Tags that do name a cause are causes, not keywords.
 */
final class Keywords {

    private Keywords() {
    }

    static List<String> of(FrontMatter header, Taxonomy taxonomy) {
        Set<String> keywords = new LinkedHashSet<>();
        for (String tag : header.list("tags")) {
            if (taxonomy.cause(Naming.slug(tag)).isEmpty()) keywords.add(Naming.verbatim(tag));
        }
        keywords.remove("");
        return List.copyOf(keywords);
    }
}
