package dev.pmkb.read;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.FrontMatter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Recognises a JBake header or YAML front matter at the top of a file and splits it from the body. */
final class HeaderParser {

    static final String JBAKE_SEPARATOR = "~~~~~~";

    /** JBake header keys whose comma-separated value is a list. */
    private static final Set<String> LIST_KEYS = Set.of("tags", "root_causes", "causes", "components",
            "impact_categories");

    /** A JBake header is only looked for this far down, so a body line of tildes is not mistaken for one. */
    private static final int MAX_HEADER_LINES = 60;

    private HeaderParser() {
    }

    static SourceReader.HeaderSplit split(String source, String text, List<Diagnostic> problems) {
        List<String> lines = lines(text);
        if (!lines.isEmpty() && lines.getFirst().strip().equals("---")) {
            int close = findClosingYamlFence(lines);
            if (close > 0) {
                FrontMatter fm = parseYaml(source, lines.subList(1, close), problems);
                return new SourceReader.HeaderSplit(fm, join(lines, close + 1), close + 2);
            }
        }
        int separator = findJBakeSeparator(lines);
        if (separator >= 0) {
            FrontMatter fm = parseJBake(source, lines.subList(0, separator), problems);
            return new SourceReader.HeaderSplit(fm, join(lines, separator + 1), separator + 2);
        }
        return new SourceReader.HeaderSplit(FrontMatter.NONE, text, 1);
    }

    /**
     * The lines of {@code text} as {@code text.split("\\r?\\n", -1)} gives them, cut by hand: the regex split was a
     * twentieth of a bake's CPU, for a header that only the first lines can hold.
     */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
            int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            lines.add(text.substring(start, end));
            start = newline + 1;
        }
        lines.add(text.substring(start));
        return lines;
    }

    private static int findClosingYamlFence(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("---") || l.equals("...")) return i;
        }
        return -1;
    }

    /**
     * The separator line index, when the lines above it look like a header: at least one {@code key=value}
     * line and the first non-blank line is one. A body with a tilde fence further down stays a body.
     */
    private static int findJBakeSeparator(List<String> lines) {
        int limit = Math.min(lines.size(), MAX_HEADER_LINES);
        for (int i = 0; i < limit; i++) {
            if (lines.get(i).strip().equals(JBAKE_SEPARATOR)) {
                String first = lines.subList(0, i).stream().filter(l -> !l.isBlank()).findFirst().orElse("");
                return isKeyValue(first) ? i : -1;
            }
        }
        return -1;
    }

    private static boolean isKeyValue(String line) {
        int eq = line.indexOf('=');
        return eq > 0 && line.substring(0, eq).strip().matches("[A-Za-z][A-Za-z0-9_.-]*");
    }

    private static FrontMatter parseJBake(String source, List<String> header, List<Diagnostic> problems) {
        Map<String, FrontMatter.Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String line = header.get(i);
            int lineNo = i + 1;
            if (line.isBlank()) continue;
            if (!isKeyValue(line)) {
                problems.add(Diagnostic.error(source, lineNo,
                        "header line is not key=value, ignored: " + abbreviate(line.strip())));
                continue;
            }
            int eq = line.indexOf('=');
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            List<String> values = LIST_KEYS.contains(key) ? splitList(value) : List.of(value);
            putOnce(source, fields, new FrontMatter.Field(key, values, lineNo), problems);
        }
        return new FrontMatter(FrontMatter.Format.JBAKE, fields);
    }

    private static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    private static FrontMatter parseYaml(String source, List<String> yamlLines, List<Diagnostic> problems) {
        String yamlText = String.join("\n", yamlLines);
        Map<String, FrontMatter.Field> fields = new LinkedHashMap<>();
        if (yamlText.isBlank()) return new FrontMatter(FrontMatter.Format.YAML, fields);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(10);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 2 : 1;
            problems.add(Diagnostic.error(source, line, "invalid YAML front matter, ignored: "
                    + firstLine(e.getProblem())));
            return new FrontMatter(FrontMatter.Format.YAML, fields);
        } catch (YAMLException e) {
            problems.add(Diagnostic.error(source, 1, "invalid YAML front matter, ignored: " + firstLine(e.getMessage())));
            return new FrontMatter(FrontMatter.Format.YAML, fields);
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(Diagnostic.error(source, 2, "YAML front matter must be a mapping of keys to values"));
            return new FrontMatter(FrontMatter.Format.YAML, fields);
        }
        for (NodeTuple tuple : mapping.getValue()) {
            int line = tuple.getKeyNode().getStartMark().getLine() + 2;
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(Diagnostic.error(source, line, "front matter key must be a plain name"));
                continue;
            }
            String key = keyNode.getValue().strip().toLowerCase(Locale.ROOT);
            List<String> values = scalars(tuple.getValueNode());
            if (values == null) {
                problems.add(Diagnostic.warning(source, line, "front matter value of '" + key
                        + "' is a nested mapping, ignored"));
                continue;
            }
            putOnce(source, fields, new FrontMatter.Field(key, values, line), problems);
        }
        return new FrontMatter(FrontMatter.Format.YAML, fields);
    }

    /** Scalar text of a scalar or of a flat sequence; null for anything deeper. */
    private static List<String> scalars(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().isBlank() ? List.of() : List.of(scalar.getValue().strip());
        }
        if (node instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s)) return null;
                if (!s.getValue().isBlank()) out.add(s.getValue().strip());
            }
            return out;
        }
        return null;
    }

    private static void putOnce(String source, Map<String, FrontMatter.Field> fields, FrontMatter.Field field,
                                List<Diagnostic> problems) {
        FrontMatter.Field earlier = fields.putIfAbsent(field.key(), field);
        if (earlier != null) {
            problems.add(Diagnostic.warning(source, field.line(), "duplicate header key '" + field.key()
                    + "', the first one (line " + earlier.line() + ") wins"));
        }
    }

    private static String join(List<String> lines, int from) {
        return from >= lines.size() ? "" : String.join("\n", lines.subList(from, lines.size()));
    }

    private static String firstLine(String s) {
        if (s == null) return "syntax error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
