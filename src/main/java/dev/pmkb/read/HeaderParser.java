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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a JBake header, YAML front matter or TOML front matter at the top of a file and splits it from the body.
 * A block that opens like a header but does not parse, or never closes, stays in the body as text.
 */
final class HeaderParser {

    static final String JBAKE_SEPARATOR = "~~~~~~";

    /** JBake header keys whose comma-separated value is a list. */
    private static final Set<String> LIST_KEYS = Set.of("tags", "root_causes", "causes", "components",
            "impact_categories", "authors");

    private static final Pattern YAML_KEY = Pattern.compile("\\s*[\"']?[A-Za-z_][\\w .-]*[\"']?\\s*:(\\s|$)");
    private static final Pattern TOML_KEY = Pattern.compile("\\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\\s*=");
    private static final Pattern SALVAGED_KEY = Pattern.compile(
            "(?i)\\s*[\"']?(title|status|draft)[\"']?\\s*[:=]\\s*(\\S.*)");
    private static final Pattern TOML_TABLE = Pattern.compile("\\s*\\[.*\\]\\s*(#.*)?");

    private HeaderParser() {
    }

    static SourceReader.HeaderSplit split(String source, String text, List<Diagnostic> problems) {
        List<String> lines = lines(text);
        String opening = lines.getFirst().strip();
        if (opening.equals("---") || opening.equals("+++")) {
            boolean toml = opening.equals("+++");
            String kind = toml ? "TOML" : "YAML";
            int close = findClosingFence(lines, opening);
            if (close > 0) {
                List<Diagnostic> headerProblems = new ArrayList<>();
                Parsed parsed = toml ? parseToml(source, lines.subList(1, close), headerProblems)
                        : parseYaml(source, lines.subList(1, close), headerProblems);
                if (parsed.frontMatter() != null) {
                    problems.addAll(headerProblems);
                    return new SourceReader.HeaderSplit(parsed.frontMatter(), join(lines, close + 1), close + 2);
                }
                if (!looksLikeHeader(lines, close, toml)) return noHeader(text);
                problems.add(Diagnostic.warning(source, 1, "the front matter of lines 1 to " + (close + 1)
                        + " is not valid " + kind + " (" + parsed.problem() + "); its lines are kept as text"));
                // The fences become blank lines: the body keeps the file's line numbers, and the closing "---" does
                // not turn the line above it into a heading.
                List<String> kept = new ArrayList<>(lines);
                kept.set(0, "");
                kept.set(close, "");
                return new SourceReader.HeaderSplit(salvaged(lines, close, toml), String.join("\n", kept), 1);
            }
            if (looksLikeHeader(lines, Math.min(lines.size(), Limits.MAX_HEADER_LINES), toml)) {
                problems.add(Diagnostic.warning(source, 1, "the " + kind + " front matter opened here is never closed by"
                        + " a " + opening + " line; its lines are kept as text"));
                return new SourceReader.HeaderSplit(salvaged(lines, Math.min(lines.size(), Limits.MAX_HEADER_LINES),
                        toml), text, 1);
            }
        }
        int separator = findJBakeSeparator(lines);
        if (separator >= 0) {
            FrontMatter fm = parseJBake(source, lines.subList(0, separator), problems);
            return new SourceReader.HeaderSplit(fm, join(lines, separator + 1), separator + 2);
        }
        return noHeader(text);
    }

    private static SourceReader.HeaderSplit noHeader(String text) {
        return new SourceReader.HeaderSplit(FrontMatter.NONE, text, 1);
    }

    /** A header that parsed ({@code frontMatter}), or why the block is not one ({@code problem}). */
    private record Parsed(FrontMatter frontMatter, String problem) {
        static Parsed not(String problem) {
            return new Parsed(null, problem);
        }
    }

    /**
     * Whether the lines after an opening fence (up to {@code end}) start like a header, {@code key: value} or
     * {@code key = value}, rather than like a document that opens with a thematic break.
     */
    private static boolean looksLikeHeader(List<String> lines, int end, boolean toml) {
        for (int i = 1; i < end; i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            return (toml ? TOML_KEY : YAML_KEY).matcher(line).lookingAt();
        }
        return false;
    }

    /**
     * What a broken header still states plainly ({@code title: ...}, {@code status: draft}, {@code draft: true}, at
     * any depth): the page keeps the name its author gave it, and a draft stays unpublished. A value that opens a
     * YAML list or mapping is not read.
     */
    private static FrontMatter salvaged(List<String> lines, int end, boolean toml) {
        Map<String, FrontMatter.Field> fields = new LinkedHashMap<>();
        for (int i = 1; i < end; i++) {
            Matcher m = SALVAGED_KEY.matcher(lines.get(i));
            if (!m.matches()) continue;
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = unquote(m.group(2).strip());
            if (value.isEmpty() || value.startsWith("[") || value.startsWith("{")) continue;
            fields.putIfAbsent(key, new FrontMatter.Field(key, List.of(value), i + 1));
        }
        return fields.isEmpty() ? FrontMatter.NONE
                : new FrontMatter(toml ? FrontMatter.Format.TOML : FrontMatter.Format.YAML, fields);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
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

    private static int findClosingFence(List<String> lines, String opening) {
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals(opening) || opening.equals("---") && l.equals("...")) return i;
        }
        return -1;
    }

    /**
     * The separator line index, when the lines above it look like a header: at least one {@code key=value}
     * line and the first non-blank line is one. A body with a tilde fence further down stays a body.
     */
    private static int findJBakeSeparator(List<String> lines) {
        int limit = Math.min(lines.size(), Limits.MAX_HEADER_LINES);
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

    private static Parsed parseYaml(String source, List<String> yamlLines, List<Diagnostic> problems) {
        String yamlText = String.join("\n", yamlLines);
        Map<String, FrontMatter.Field> fields = new LinkedHashMap<>();
        if (yamlText.isBlank()) return new Parsed(new FrontMatter(FrontMatter.Format.YAML, fields), null);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(10);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 2 : 1;
            return Parsed.not(firstLine(e.getProblem()) + " at line " + line);
        } catch (YAMLException e) {
            return Parsed.not(firstLine(e.getMessage()));
        }
        if (!(root instanceof MappingNode mapping)) return Parsed.not("not a mapping of keys to values");
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
        return new Parsed(new FrontMatter(FrontMatter.Format.YAML, fields), null);
    }

    /**
     * Hugo's TOML front matter, as far as a postmortem's header uses it: {@code key = value} lines whose value is a
     * string, a flat array of strings, or a bare date, number or boolean. Keys of {@code [tables]} are not read.
     */
    private static Parsed parseToml(String source, List<String> tomlLines, List<Diagnostic> problems) {
        Map<String, FrontMatter.Field> fields = new LinkedHashMap<>();
        boolean inTable = false;
        for (int i = 0; i < tomlLines.size(); i++) {
            String line = tomlLines.get(i).strip();
            int lineNo = i + 2;
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (TOML_TABLE.matcher(line).matches()) {
                inTable = true;
                continue;
            }
            Matcher key = TOML_KEY.matcher(line);
            if (!key.lookingAt()) {
                if (fields.isEmpty() && !inTable) return Parsed.not("line " + lineNo + " is not key = value");
                problems.add(Diagnostic.error(source, lineNo, "TOML front matter line is not key = value, ignored: "
                        + abbreviate(line)));
                continue;
            }
            if (inTable) continue;
            String name = unquote(line.substring(0, key.end() - 1).strip()).toLowerCase(Locale.ROOT);
            List<String> values = tomlValues(line.substring(key.end()).strip());
            if (values == null) {
                problems.add(Diagnostic.error(source, lineNo, "TOML value of '" + name + "' is not a string, a list of"
                        + " strings, a date or a number, ignored"));
                continue;
            }
            putOnce(source, fields, new FrontMatter.Field(name, values, lineNo), problems);
        }
        return new Parsed(new FrontMatter(FrontMatter.Format.TOML, fields), null);
    }

    /** The values of a one-line TOML value; null for what pmkb does not read (inline tables, multi-line strings). */
    private static List<String> tomlValues(String value) {
        if (value.startsWith("[")) {
            int end = value.lastIndexOf(']');
            if (end < 0) return null;
            List<String> out = new ArrayList<>();
            for (String part : value.substring(1, end).split(",")) {
                String item = tomlScalar(part.strip());
                if (item == null) return null;
                if (!item.isBlank()) out.add(item.strip());
            }
            return out;
        }
        String scalar = tomlScalar(value);
        return scalar == null ? null : scalar.isBlank() ? List.of() : List.of(scalar.strip());
    }

    private static String tomlScalar(String value) {
        if (value.startsWith("\"\"\"") || value.startsWith("'''") || value.startsWith("{")) return null;
        if (value.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') return out.toString();
                if (c == '\\' && i + 1 < value.length()) {
                    char next = value.charAt(++i);
                    out.append(switch (next) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> next;
                    });
                } else {
                    out.append(c);
                }
            }
            return null;
        }
        if (value.startsWith("'")) {
            int end = value.indexOf('\'', 1);
            return end < 0 ? null : value.substring(1, end);
        }
        int comment = value.indexOf(" #");
        return comment < 0 ? value : value.substring(0, comment).strip();
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
