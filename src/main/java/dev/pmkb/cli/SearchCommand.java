package dev.pmkb.cli;

import dev.pmkb.index.Hit;
import dev.pmkb.index.SearchResult;
import dev.pmkb.index.QueryException;
import dev.pmkb.index.SearchIndex;
import dev.pmkb.index.SearchRequest;
import dev.pmkb.index.Searcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pmkb search "query"}: searches the index that {@code pmkb bake} wrote, with the ranking of the site's
 * search box. Exit 0 with or without hits, 1 when there is no index, 2 when the query or options are wrong.
 */
@Command(name = "search", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Search the postmortem library that 'pmkb bake' built, exactly as the site's search box does.",
                "Every word must match (in any field, synonyms included); \"quoted words\" must stand together; "
                        + "--prefix treats the last word as unfinished. A word the library does not have is corrected "
                        + "to a close one; when fewer than 5 incidents match every word, those matching most of "
                        + "them follow, marked as partial."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:results printed (possibly none)", "1:no search index: run 'pmkb bake' first",
                "2:malformed query or options"})
public final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "Words, \"quoted phrases\" or both.")
    String query;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "The baked site to search (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--" + SearchIndex.CAUSE, paramLabel = "TAG",
            description = "Only incidents with this root-cause tag; repeat for any of several.")
    List<String> causes = new ArrayList<>();

    @Option(names = "--" + SearchIndex.IMPACT_PARAMETER, paramLabel = "CATEGORY",
            description = "Only incidents with this impact category (e.g. full-outage); repeat for any of several.")
    List<String> impacts = new ArrayList<>();

    @Option(names = "--" + SearchIndex.COMPONENT, paramLabel = "NAME",
            description = "Only incidents involving this component (e.g. MySQL); repeat for any of several.")
    List<String> components = new ArrayList<>();

    @Option(names = "--" + SearchIndex.YEAR, paramLabel = "YYYY", description = "Only incidents of this year; repeat for any of several.")
    List<String> years = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "At most N results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print {\"query\",\"corrected\",\"total\",\"partialTotal\",\"hits\": "
            + "[{\"id\",\"url\",\"title\",\"score\",\"partial\",\"matched\",\"missing\"}]} in rank order.")
    boolean json;

    @Option(names = "--prefix", description = "Expand the last word by prefix, as the search box does while typing.")
    boolean prefix;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1) {
            err.println("pmkb search: --limit must be 1 or more, was " + limit);
            return 2;
        }
        Path indexDir = SearchIndex.besideSite(output);
        if (!hasIndex(indexDir)) {
            err.println("no search index in " + output + ": run 'pmkb bake' first");
            return 1;
        }
        SearchResult result;
        try (Searcher searcher = Searcher.open(indexDir)) {
            SearchRequest request;
            try {
                request = new SearchRequest(query, known(indexDir, SearchIndex.CAUSE, "root-cause tag", causes, err),
                        known(indexDir, SearchIndex.IMPACT_CATEGORY, "impact category", impacts, err),
                        known(indexDir, SearchIndex.COMPONENT, "component", components, err),
                        known(indexDir, SearchIndex.YEAR, "year", years, err), limit, prefix);
            } catch (IllegalArgumentException unknown) {
                return 2;
            }
            // the export's term chunks bound where a correction is looked for, as in the browser
            result = searcher.find(request, Searcher.exportedTermChunks(output.resolve("search")));
        } catch (QueryException e) {
            err.println("pmkb search: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("pmkb search: cannot read the search index in " + indexDir + ": " + e.getMessage()
                    + "; run 'pmkb bake' again");
            return 1;
        }
        List<Hit> hits = result.hits();
        if (json) {
            out.println(json(result));
        } else {
            if (result.corrected() != null) {
                out.println("showing results for " + Terminal.printable(result.corrected()) + " (no incidents match "
                        + Terminal.printable(query.strip()) + ")");
            }
            if (hits.isEmpty()) {
                out.println("no incidents match " + Terminal.printable(query.strip())
                        + (causes.isEmpty() ? "" : " with cause " + String.join(" or ", causes)));
            }
            int width = Integer.toString(hits.size()).length();
            for (int i = 0; i < hits.size(); i++) {
                Hit hit = hits.get(i);
                if (hit.partial() && (i == 0 || !hits.get(i - 1).partial())) {
                    out.println("matching some of the words:");
                }
                out.printf(Locale.ROOT, "%" + width + "d. %s%n%s   %s  (score %.3f)%s%n", i + 1,
                        Terminal.printable(String.valueOf(hit.title())), " ".repeat(width), hit.url(), hit.score(),
                        hit.partial() ? "  missing: " + Terminal.printable(String.join(", ", hit.missing())) : "");
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Filter values as the index spells them, matched without regard to case. An unknown value would silently
     * match nothing: it is wrong usage, said with the values this library has.
     */
    private static List<String> known(Path indexDir, String field, String what, List<String> values, PrintWriter err)
            throws IOException {
        if (values.isEmpty()) return values;
        java.util.SortedSet<String> known = new java.util.TreeSet<>();
        try (Directory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader, field);
            if (terms != null) {
                org.apache.lucene.index.TermsEnum it = terms.iterator();
                for (org.apache.lucene.util.BytesRef term; (term = it.next()) != null; ) known.add(term.utf8ToString());
            }
        }
        List<String> out = new ArrayList<>();
        for (String value : values) {
            String match = known.stream().filter(k -> k.equalsIgnoreCase(value.strip())).findFirst().orElse(null);
            if (match == null) {
                String plural = what.endsWith("tag") ? "tags" : what.endsWith("y") ? what.substring(0, what.length() - 1)
                        + "ies" : what + "s";
                err.println("pmkb search: no incident has the " + what + " '" + value + "'; the " + plural
                        + " of this library: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
                err.flush();
                throw new IllegalArgumentException(value);
            }
            out.add(match);
        }
        return out;
    }

    private static boolean hasIndex(Path indexDir) {
        if (!Files.isDirectory(indexDir)) return false;
        try (Directory directory = FSDirectory.open(indexDir)) {
            return DirectoryReader.indexExists(directory);
        } catch (IOException e) {
            return false;
        }
    }

    /** The result as JSON: which words each hit matched, and whether the query was corrected. */
    static String json(SearchResult result) {
        StringBuilder out = new StringBuilder("{\"query\":").append(Json.quote(result.original()))
                .append(",\"corrected\":").append(result.corrected() == null ? "null" : Json.quote(result.corrected()))
                .append(",\"total\":").append(result.total())
                .append(",\"partialTotal\":").append(result.partialTotal())
                .append(",\"hits\":[");
        List<Hit> hits = result.hits();
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            List<String> matched = result.words().stream().filter(w -> !hit.missing().contains(w)).toList();
            out.append(i == 0 ? "" : ",").append("\n  {\"id\":").append(Json.quote(hit.id()))
                    .append(",\"url\":").append(Json.quote(hit.url()))
                    .append(",\"title\":").append(Json.quote(hit.title() == null ? "" : hit.title()))
                    .append(",\"score\":").append(Float.toString(hit.score()))
                    .append(",\"partial\":").append(hit.partial())
                    .append(",\"matched\":").append(strings(matched))
                    .append(",\"missing\":").append(strings(hit.missing())).append('}');
        }
        return out.append(hits.isEmpty() ? "]}" : "\n]}").toString();
    }

    private static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) out.append(i == 0 ? "" : ",").append(Json.quote(values.get(i)));
        return out.append(']').toString();
    }
}
