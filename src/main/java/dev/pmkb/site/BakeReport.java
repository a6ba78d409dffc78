package dev.pmkb.site;

import dev.pmkb.model.Diagnostic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a bake did.
 *
 * @param incidents   incident pages written
 * @param drafts      postmortems marked draft, not published
 * @param diagnostics problems found in the postmortems (the site was still written)
 * @param stages      wall time of each pipeline stage, in order
 */
public record BakeReport(Path output, int incidents, int drafts, int pages, List<Diagnostic> diagnostics,
                         List<StageTime> stages) {

    public record StageTime(String stage, Duration time) {
    }

    public BakeReport {
        diagnostics = List.copyOf(diagnostics);
        stages = List.copyOf(stages);
    }

    public long errors() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return diagnostics.size() - errors();
    }
}
