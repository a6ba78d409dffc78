package dev.pmkb.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header a postmortem may start with: a JBake header ({@code key=value} lines ending in {@code ~~~~~~})
 * YAML front matter between {@code ---} lines or TOML front matter between {@code +++} lines. Keys are lower-case; every value is kept as text (a YAML
 * list or a comma-separated JBake value becomes several values) together with the line it came from, so
 * that the stage interpreting it can point at the exact line when a value is wrong.
 */
public record FrontMatter(Format format, Map<String, Field> fields) {

    public enum Format { NONE, JBAKE, YAML, TOML }

    /** One header entry. {@code line} is 1-based within the file. */
    public record Field(String key, List<String> values, int line) {
        public Field {
            values = List.copyOf(values);
        }

        public String text() {
            return String.join(", ", values);
        }
    }

    public static final FrontMatter NONE = new FrontMatter(Format.NONE, Map.of());

    public FrontMatter {
        fields = Map.copyOf(fields);
    }

    public Optional<Field> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** The value of {@code key} as one trimmed string, if present and not blank. */
    public Optional<String> text(String key) {
        return field(key).map(Field::text).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The values of {@code key}, or an empty list. */
    public List<String> list(String key) {
        return field(key).map(Field::values).orElse(List.of());
    }

    /** The line of {@code key}, or 0 when absent. */
    public int line(String key) {
        return field(key).map(Field::line).orElse(0);
    }
}
