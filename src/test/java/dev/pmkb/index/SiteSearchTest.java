package dev.pmkb.index;

import static dev.pmkb.index.TestIncidents.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.model.CauseTag;
import dev.pmkb.model.FacetTag;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Taxonomy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searcher.find: tags searched by name, synonyms, partial matches, correction that knows the taxonomy. */
class SiteSearchTest {

    @TempDir
    static Path dir;
    static Searcher searcher;
    /** One chunk from the start: the whole dictionary is where corrections are looked for. */
    static final List<String> ONE_CHUNK = List.of("0");

    @BeforeAll
    static void writeIndex() throws Exception {
        Taxonomy taxonomy = new Taxonomy(
                List.of(new CauseTag("bad-deploy", "Bad deployment", "", List.of("rollout", "new version")),
                        new CauseTag("inefficient-query", "Inefficient query", "", List.of("slow quer*"))),
                List.of(new FacetTag("full-outage", "Full outage", List.of("completely down"))),
                List.of(new FacetTag("kubernetes", "Kubernetes", List.of("kubernetes", "kubectl"))),
                List.of(List.of("postgres", "postgresql"), List.of("disk full", "no space left")));
        List<Postmortem> incidents = List.of(
                incident("tagged").title("Checkout errors").rootCause("Version 2.3 broke the checkout.")
                        .causes("bad-deploy").impactCategories("full-outage").build(),
                incident("mention").title("Reports slow")
                        .rootCause("A slow query, and not a bad deployment as first thought.")
                        .causes("inefficient-query").build(),
                incident("space").title("Writes refused").rootCause("No space left on the PostgreSQL primary.")
                        .components("Kubernetes").build(),
                incident("other").title("Checkout timeouts").rootCause("The payment API timed out.").build());
        SearchIndex.write(incidents, taxonomy, dir.resolve("index"));
        searcher = Searcher.open(dir.resolve("index"));
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    private static SearchResult find(String query) throws Exception {
        return searcher.find(SearchRequest.of(query), ONE_CHUNK);
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(Hit::id).toList();
    }

    @Test
    void aQueryNamingATagRanksTheTaggedIncidentsFirst() throws Exception {
        // the tagged incident never says "bad deployment"; the other says it in passing
        assertEquals(List.of("tagged", "mention"), ids(find("bad deployment")));
        assertEquals(List.of("tagged"), ids(find("rollout")), "a taxonomy phrase of the tag");
        assertEquals(List.of("tagged"), ids(find("full outage")), "an impact category's name");
        assertEquals(List.of("space"), ids(find("kubectl")), "a component's phrase");
    }

    @Test
    void synonymsFindTheOtherWords() throws Exception {
        assertEquals(List.of("space"), ids(find("postgres disk full")));
        assertEquals(List.of("space"), ids(searcher.find(SearchRequest.of("postgres disk full").withPrefix(), ONE_CHUNK)),
                "the unfinished word ends a synonym (and still expands: fullest, fully)");
        assertEquals(List.of(List.of("postgr"), List.of("postgresql")), searcher.settings().synonyms().getFirst(),
                "the index keeps the taxonomy's synonyms, analysed");
    }

    @Test
    void fewEveryWordHitsAreFollowedByPartialOnes() throws Exception {
        SearchResult result = find("checkout api payment version");
        assertEquals(0, result.total());
        assertEquals(2, result.partialTotal());
        assertEquals(List.of("other", "tagged"), ids(result), "three of four words before two of four");
        assertTrue(result.hits().stream().allMatch(Hit::partial));
        assertEquals(List.of("version"), result.hits().getFirst().missing());
        assertEquals(List.of("api", "payment"), result.hits().get(1).missing());
        assertEquals(List.of("checkout", "api", "payment", "version"), result.words());
        assertEquals(List.of(), ids(find("checkout zebra quokka refund")), "one word of four is not most of them");
        SearchResult enough = find("checkout");
        assertEquals(0, enough.partialTotal(), "one word: nothing partial");
    }

    @Test
    void typosAreCorrectedButNeverAWordTheTaxonomyOrASynonymKnows() throws Exception {
        SearchResult typo = find("chekout errors");
        assertEquals("checkout errors", typo.corrected());
        assertEquals("chekout errors", typo.original());
        assertEquals(1, typo.total());
        assertEquals("tagged", ids(typo).getFirst());
        assertNull(find("postgres").corrected(), "a synonym is never corrected");
        assertNull(find("kubectl").corrected(), "a taxonomy phrase is never corrected");
        assertEquals(List.of("space"), ids(find("postgres")));
    }
}
