package dev.pmkb.understand;

import dev.pmkb.model.CauseTag;
import dev.pmkb.model.FacetTag;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the taxonomy YAML (format documented at the top of the bundled {@code taxonomy.yml}) and merges a
 * site's file over the default. A broken site file is a configuration error and fails loudly: silently
 * falling back would classify a whole library by rules its owner did not write.
 */
final class TaxonomyLoader {

    private static final String DEFAULT_RESOURCE = "taxonomy.yml";

    private TaxonomyLoader() {
    }

    static Vocabulary defaults() {
        try (InputStream in = TaxonomyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            return Vocabulary.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in taxonomy.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default taxonomy with {@code siteYaml} merged over it; {@code name} is used in error messages. */
    static Vocabulary withSite(String siteYaml, String name) {
        Vocabulary base = defaults();
        Definition site = parse(siteYaml, name);
        return Vocabulary.of(merge(base.definition(), site));
    }

    /** The parsed file: one list of entries per vocabulary, each entry as the fields it gave. */
    record Definition(List<Entry> causes, List<Entry> impactCategories, List<Entry> components) {
    }

    /** One entry; null fields were not given (and keep the default's value when merging). */
    record Entry(String slug, String name, String definition, Integer specificity, List<String> phrases,
                 List<String> extraPhrases, boolean disabled) {

        CauseTag cause() {
            return new CauseTag(slug, name == null ? slug : name, definition == null ? "" : definition, allPhrases());
        }

        FacetTag facet() {
            return new FacetTag(slug, name == null ? slug : name, allPhrases());
        }

        List<String> allPhrases() {
            List<String> all = new ArrayList<>(phrases == null ? List.of() : phrases);
            if (extraPhrases != null) all.addAll(extraPhrases);
            return all.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        }

        int specificityOrDefault() {
            return specificity == null ? 2 : Math.max(0, Math.min(3, specificity));
        }
    }

    static Definition parse(String yaml, String name) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(name + ": invalid YAML: " + e.getMessage(), e);
        }
        if (root == null) return new Definition(List.of(), List.of(), List.of());
        if (!(root instanceof Map<?, ?> map)) throw new IllegalArgumentException(name + ": expected a mapping with causes:, impact_categories:, components:");
        for (Object key : map.keySet()) {
            if (!List.of("causes", "impact_categories", "components").contains(String.valueOf(key))) {
                throw new IllegalArgumentException(name + ": unknown key \"" + key + "\" (expected causes, impact_categories, components)");
            }
        }
        return new Definition(entries(map.get("causes"), name, "causes"),
                entries(map.get("impact_categories"), name, "impact_categories"),
                entries(map.get("components"), name, "components"));
    }

    private static List<Entry> entries(Object list, String name, String key) {
        if (list == null) return List.of();
        if (!(list instanceof List<?> items)) throw new IllegalArgumentException(name + ": " + key + " must be a list");
        List<Entry> entries = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m)) throw new IllegalArgumentException(name + ": each entry of " + key + " must be a mapping");
            Object slug = m.get("slug");
            if (slug == null || String.valueOf(slug).isBlank()) throw new IllegalArgumentException(name + ": an entry of " + key + " has no slug");
            String s = String.valueOf(slug).strip().toLowerCase(Locale.ROOT);
            if (!s.matches("[a-z0-9]+(?:-[a-z0-9]+)*")) {
                throw new IllegalArgumentException(name + ": slug \"" + slug + "\" in " + key + " must be lower-case words joined by hyphens");
            }
            entries.add(new Entry(s, text(m.get("name")), text(m.get("definition")), integer(m.get("specificity"), name, s),
                    strings(m.get("phrases"), name, s), strings(m.get("extra_phrases"), name, s),
                    Boolean.TRUE.equals(m.get("disabled"))));
        }
        return entries;
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o).strip();
    }

    private static Integer integer(Object o, String name, String slug) {
        if (o == null) return null;
        if (o instanceof Integer i) return i;
        throw new IllegalArgumentException(name + ": specificity of " + slug + " must be a number from 0 to 3");
    }

    private static List<String> strings(Object o, String name, String slug) {
        if (o == null) return null;
        if (o instanceof List<?> l) return l.stream().filter(x -> x != null).map(String::valueOf).toList();
        if (o instanceof String s) return List.of(s);
        throw new IllegalArgumentException(name + ": phrases of " + slug + " must be a list of strings");
    }

    static Definition merge(Definition base, Definition site) {
        return new Definition(merge(base.causes(), site.causes()), merge(base.impactCategories(), site.impactCategories()),
                merge(base.components(), site.components()));
    }

    private static List<Entry> merge(List<Entry> base, List<Entry> site) {
        Map<String, Entry> merged = new LinkedHashMap<>();
        for (Entry e : base) merged.put(e.slug(), e);
        for (Entry e : site) {
            Entry old = merged.get(e.slug());
            if (e.disabled()) {
                merged.remove(e.slug());
            } else if (old == null) {
                merged.put(e.slug(), e);
            } else {
                List<String> extra = new ArrayList<>();
                if (old.extraPhrases() != null) extra.addAll(old.extraPhrases());
                if (e.extraPhrases() != null) extra.addAll(e.extraPhrases());
                merged.put(e.slug(), new Entry(e.slug(), e.name() != null ? e.name() : old.name(),
                        e.definition() != null ? e.definition() : old.definition(),
                        e.specificity() != null ? e.specificity() : old.specificity(),
                        e.phrases() != null ? e.phrases() : old.phrases(), extra, false));
            }
        }
        return List.copyOf(merged.values());
    }
}
