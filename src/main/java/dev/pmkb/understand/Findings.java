package dev.pmkb.understand;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.SourceDocument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Diagnostics raised while understanding one document, at file lines, each reported once. */
final class Findings {

    private final SourceDocument doc;
    private final List<Diagnostic> list = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    Findings(SourceDocument doc) {
        this.doc = doc;
    }

    void warnAtBody(int bodyLine, String message) {
        add(Diagnostic.warning(doc.source(), doc.fileLine(bodyLine), message));
    }

    void errorAtFile(int fileLine, String message) {
        add(Diagnostic.error(doc.source(), fileLine, message));
    }

    void warnAtFile(int fileLine, String message) {
        add(Diagnostic.warning(doc.source(), fileLine, message));
    }

    private void add(Diagnostic d) {
        // The same zone note for every timeline entry would drown the one that matters.
        if (seen.add(d.severity() + "|" + d.message())) list.add(d);
    }

    List<Diagnostic> all() {
        return List.copyOf(list);
    }
}
