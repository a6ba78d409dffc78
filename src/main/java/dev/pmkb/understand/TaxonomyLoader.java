package dev.pmkb.understand;

import dev.pmkb.model.CauseTag;
import dev.pmkb.model.FacetTag;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
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
    record Definition(List<Entry> causes, List<Entry> impactCategories, List<Entry> components,
                      List<List<String>> synonyms) {
        Definition(List<Entry> causes, List<Entry> impactCategories, List<Entry> components) {
            this(causes, impactCategories, components, List.of());
        }
    }

    /** One entry; null fields were not given (and keep the default's value when merging). */
    /**
     * @param except phrases that, where they cover a phrase of this entry, say it means something else here
     *               ("nginx upstream" is no third party); null when not given
     */
    record Entry(String slug, String name, String definition, Integer specificity, List<String> phrases,
                 List<String> extraPhrases, List<String> except, boolean disabled) {

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

        List<String> exceptPhrases() {
            return except == null ? List.of() : except.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        }

        int specificityOrDefault() {
            return specificity == null ? 2 : Math.max(0, Math.min(3, specificity));
        }
    }

    static Definition parse(String yaml, String name) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (YAMLException e) {
            throw new IllegalArgumentException(name + ": invalid YAML: " + e.getMessage(), e);
        }
        if (root == null) return new Definition(List.of(), List.of(), List.of());
        if (!(root instanceof MappingNode map)) {
            throw error(name, root, "expected a mapping with causes:, impact_categories:, components:, synonyms:");
        }
        List<Entry> causes = List.of();
        List<Entry> impacts = List.of();
        List<Entry> components = List.of();
        List<List<String>> synonyms = List.of();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode(), name);
            switch (key) {
                case "causes" -> causes = entries(t.getValueNode(), name, key);
                case "impact_categories" -> impacts = entries(t.getValueNode(), name, key);
                case "components" -> components = entries(t.getValueNode(), name, key);
                case "synonyms" -> synonyms = synonyms(t.getValueNode(), name);
                default -> throw error(name, t.getKeyNode(),
                        "unknown key \"" + key + "\" (expected causes, impact_categories, components, synonyms)");
            }
        }
        return new Definition(causes, impacts, components, synonyms);
    }

    /** Each item a list of two or more words or phrases that mean the same to a reader. */
    private static List<List<String>> synonyms(Node list, String name) {
        if (list instanceof ScalarNode s && s.getValue().isEmpty()) return List.of();
        if (!(list instanceof SequenceNode items)) throw error(name, list, "synonyms must be a list of lists");
        List<List<String>> out = new ArrayList<>();
        for (Node item : items.getValue()) {
            if (!(item instanceof SequenceNode)) throw error(name, item, "each item of synonyms must be a list of phrases");
            List<String> phrases = strings(item, name).stream().map(p -> p.strip().toLowerCase(Locale.ROOT))
                    .filter(p -> !p.isEmpty()).distinct().toList();
            if (phrases.size() < 2) throw error(name, item, "a synonym needs two or more phrases");
            out.add(phrases);
        }
        return List.copyOf(out);
    }

    private static List<Entry> entries(Node list, String name, String key) {
        if (list instanceof ScalarNode s && s.getValue().isEmpty()) return List.of();
        if (!(list instanceof SequenceNode items)) throw error(name, list, key + " must be a list");
        List<Entry> entries = new ArrayList<>();
        for (Node item : items.getValue()) {
            if (!(item instanceof MappingNode m)) throw error(name, item, "each entry of " + key + " must be a mapping");
            String slug = null;
            String display = null;
            String definition = null;
            Integer specificity = null;
            List<String> phrases = null;
            List<String> extra = null;
            List<String> except = null;
            boolean disabled = false;
            for (NodeTuple t : m.getValue()) {
                String field = scalar(t.getKeyNode(), name);
                Node value = t.getValueNode();
                switch (field) {
                    case "slug" -> slug = scalar(value, name).strip().toLowerCase(Locale.ROOT);
                    case "name" -> display = scalar(value, name).strip();
                    case "definition" -> definition = scalar(value, name).strip();
                    case "specificity" -> specificity = specificity(value, name);
                    case "phrases" -> phrases = strings(value, name);
                    case "extra_phrases" -> extra = strings(value, name);
                    case "except" -> except = strings(value, name);
                    case "disabled" -> disabled = scalar(value, name).strip().equalsIgnoreCase("true");
                    default -> throw error(name, t.getKeyNode(), "unknown field \"" + field + "\" in an entry of " + key
                            + " (expected slug, name, definition, specificity, phrases, extra_phrases, except, disabled)");
                }
            }
            if (slug == null || slug.isBlank()) throw error(name, item, "an entry of " + key + " has no slug");
            if (!SLUG.matcher(slug).matches()) {
                throw error(name, item, "slug \"" + slug + "\" must be lower-case words joined by hyphens");
            }
            entries.add(new Entry(slug, display, definition, specificity, phrases, extra, except, disabled));
        }
        return entries;
    }

    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private static String scalar(Node node, String name) {
        if (node instanceof ScalarNode s) return s.getValue();
        throw error(name, node, "expected a single value");
    }

    private static Integer specificity(Node node, String name) {
        try {
            int v = Integer.parseInt(scalar(node, name).strip());
            if (v >= 0 && v <= 3) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw error(name, node, "specificity must be a number from 0 to 3");
    }

    private static List<String> strings(Node node, String name) {
        if (node instanceof ScalarNode s) return s.getValue().isBlank() ? List.of() : List.of(s.getValue());
        if (!(node instanceof SequenceNode seq)) throw error(name, node, "phrases must be a list of strings");
        List<String> out = new ArrayList<>();
        for (Node n : seq.getValue()) out.add(scalar(n, name));
        return out;
    }

    /** "site/taxonomy.yml:12: slug ... must be ...": the line the owner has to fix. */
    private static IllegalArgumentException error(String name, Node node, String message) {
        return new IllegalArgumentException(name + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
    }

    static Definition merge(Definition base, Definition site) {
        List<List<String>> synonyms = new ArrayList<>(base.synonyms());
        synonyms.addAll(site.synonyms()); // a site adds synonyms to the default ones
        return new Definition(merge(base.causes(), site.causes()), merge(base.impactCategories(), site.impactCategories()),
                merge(base.components(), site.components()), synonyms);
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
                        e.phrases() != null ? e.phrases() : old.phrases(), extra,
                        e.except() != null ? e.except() : old.except(), false));
            }
        }
        return List.copyOf(merged.values());
    }
}
