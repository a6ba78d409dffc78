package dev.pmkb.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** What the author's header states outright and so wins over what the text is read to say. */
final class HeaderOverrides implements Extractor<HeaderOverrides.Values> {

    /** The header's title (cleaned; null when absent or empty) and whether it marks the postmortem a draft. */
    record Values(String title, boolean draft) {
    }

    @Override
    public Values extract(Reading r) {
        String title = r.header.text("title").map(Naming::verbatim).filter(t -> !t.isEmpty()).orElse(null);
        boolean draft = r.header.text("status").map(s -> s.equalsIgnoreCase("draft")).orElse(false)
                || r.header.text("draft").map(s -> s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes")).orElse(false);
        return new Values(title, draft);
    }

    /**
     * The header's values for {@code key} when it has any, else {@code inferred}; {@code allowed} (when not null)
     * limits them to known slugs and warns about the others.
     */
    static List<String> list(Reading r, String key, List<String> allowed, Supplier<List<String>> inferred) {
        List<String> values = r.header.list(key);
        if (values.isEmpty()) return inferred.get();
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String value = allowed == null ? v.strip() : Naming.slug(v);
            if (allowed != null && !allowed.contains(value)) {
                r.findings.warnAtFile(r.header.line(key), "unknown impact category \"" + v + "\" in header " + key
                        + ": expected one of " + String.join(", ", allowed));
            } else if (!value.isEmpty() && !out.contains(value)) {
                out.add(value);
            }
        }
        return out;
    }
}
