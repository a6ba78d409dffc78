package dev.pmkb.understand;

import dev.pmkb.model.Postmortem;
import dev.pmkb.read.SourceReader;

import java.nio.charset.StandardCharsets;

/** Builds postmortems from the team's own inline examples. */
final class Docs {

    private static final Understander DEFAULTS = Understander.defaults();

    private Docs() {
    }

    static Postmortem understand(String markdown) {
        return understand("incidents/example.md", markdown);
    }

    static Postmortem understand(String source, String markdown) {
        return DEFAULTS.understand(SourceReader.parse(source, markdown.getBytes(StandardCharsets.UTF_8)));
    }
}
