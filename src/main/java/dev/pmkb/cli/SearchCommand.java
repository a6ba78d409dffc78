package dev.pmkb.cli;

import dev.pmkb.index.Hit;
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
        description = {"Search the postmortem library that 'pmkb bake' built, ranked like the site's search box.",
                "Every word must match (in any field); \"quoted words\" must stand together; --prefix treats the "
                        + "last word as unfinished."},
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

    @Option(names = "--cause", paramLabel = "TAG",
            description = "Only incidents with this root-cause tag; repeat for any of several.")
    List<String> causes = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "At most N results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print [{\"id\",\"url\",\"title\",\"score\"}] in rank order.")
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
        List<Hit> hits;
        try (Searcher searcher = Searcher.open(indexDir)) {
            List<String> tags;
            try {
                tags = causeTags(indexDir, err);
            } catch (IllegalArgumentException unknown) {
                return 2;
            }
            hits = searcher.search(new SearchRequest(query, tags, limit, prefix));
        } catch (QueryException e) {
            err.println("pmkb search: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("pmkb search: cannot read the search index in " + indexDir + ": " + e.getMessage()
                    + "; run 'pmkb bake' again");
            return 1;
        }
        if (json) {
            out.println(json(hits));
        } else if (hits.isEmpty()) {
            out.println("no incidents match " + Terminal.printable(query.strip())
                    + (causes.isEmpty() ? "" : " with cause " + String.join(" or ", causes)));
        } else {
            int width = Integer.toString(hits.size()).length();
            for (int i = 0; i < hits.size(); i++) {
                Hit hit = hits.get(i);
                out.printf(Locale.ROOT, "%" + width + "d. %s%n%s   %s  (score %.3f)%n", i + 1, Terminal.printable(String.valueOf(hit.title())),
                        " ".repeat(width), hit.url(), hit.score());
            }
        }
        out.flush();
        return 0;
    }

    /**
     * The {@code --cause} tags as the index spells them, matched without regard to case. An unknown tag would
     * silently match nothing: it is wrong usage, said with the tags this library has.
     */
    private List<String> causeTags(Path indexDir, PrintWriter err) throws IOException {
        if (causes.isEmpty()) return causes;
        java.util.SortedSet<String> known = new java.util.TreeSet<>();
        try (Directory directory = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(directory)) {
            org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader, SearchIndex.CAUSE);
            if (terms != null) {
                org.apache.lucene.index.TermsEnum it = terms.iterator();
                for (org.apache.lucene.util.BytesRef term; (term = it.next()) != null; ) known.add(term.utf8ToString());
            }
        }
        List<String> tags = new ArrayList<>();
        for (String cause : causes) {
            String tag = known.stream().filter(k -> k.equalsIgnoreCase(cause.strip())).findFirst().orElse(null);
            if (tag == null) {
                err.println("pmkb search: no incident has the root-cause tag '" + cause + "'; the tags of this "
                        + "library: " + (known.isEmpty() ? "none" : String.join(", ", known)));
                err.flush();
                throw new IllegalArgumentException(cause);
            }
            tags.add(tag);
        }
        return tags;
    }

    private static boolean hasIndex(Path indexDir) {
        if (!Files.isDirectory(indexDir)) return false;
        try (Directory directory = FSDirectory.open(indexDir)) {
            return DirectoryReader.indexExists(directory);
        } catch (IOException e) {
            return false;
        }
    }

    static String json(List<Hit> hits) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            out.append(i == 0 ? "" : ",").append("\n  {\"id\":").append(Json.quote(hit.id()))
                    .append(",\"url\":").append(Json.quote(hit.url()))
                    .append(",\"title\":").append(Json.quote(hit.title() == null ? "" : hit.title()))
                    .append(",\"score\":").append(Float.toString(hit.score())).append('}');
        }
        return out.append(hits.isEmpty() ? "]" : "\n]").toString();
    }
}
