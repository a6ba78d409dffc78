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
        List<String> tags = header.list("tags");
        if (header.format() == FrontMatter.Format.YAML && tags.size() == 1) {
            // Jekyll reads "tags: domains hosting rant" as three tags, and "tags: a, b" as two.
            tags = List.of(tags.getFirst().split(tags.getFirst().contains(",") ? "\\s*,\\s*" : "\\s+"));
        }
        for (String tag : tags) {
            if (taxonomy.cause(Naming.slug(tag)).isEmpty()) keywords.add(Naming.verbatim(tag));
        }
        keywords.remove("");
        return List.copyOf(keywords);
    }
}
