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
 * @param cache       what the build cache gave; null when the bake ran without one
 */
public record BakeReport(Path output, int incidents, int drafts, int pages, List<Diagnostic> diagnostics,
                         List<StageTime> stages, CacheUse cache) {

    public record StageTime(String stage, Duration time) {
    }

    /**
     * What the build cache gave a bake.
     *
     * @param understoodKept postmortems taken from the cache instead of being read and understood
     * @param understood     postmortems read and understood
     * @param pagesKept      pages linked from the previous site instead of being rendered
     * @param pagesRendered  pages rendered
     * @param filesKept      files written with the same bytes as the previous site's, which kept that file instead
     * @param problems       cache entries ignored (damaged, unreadable) and other things that made the cache give less;
     *                       never a reason for the bake to fail
     */
    public record CacheUse(int understoodKept, int understood, int pagesKept, int pagesRendered, int filesKept,
                           List<String> problems) {
        public CacheUse {
            problems = List.copyOf(problems);
        }

        /** Postmortems taken from the cache, of all the bake needed, in percent. */
        public double hitRate() {
            int all = understoodKept + understood;
            return all == 0 ? 100 : 100.0 * understoodKept / all;
        }
    }

    public BakeReport {
        diagnostics = List.copyOf(diagnostics);
        stages = List.copyOf(stages);
    }

    public BakeReport(Path output, int incidents, int drafts, int pages, List<Diagnostic> diagnostics,
                      List<StageTime> stages) {
        this(output, incidents, drafts, pages, diagnostics, stages, null);
    }

    public long errors() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return diagnostics.size() - errors();
    }
}
