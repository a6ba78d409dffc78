package dev.pmkb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.testing.Node;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The pure core of the browser search (assets/js/search/core) has unit tests of its own, in Node's test runner
 * (src/test/js/core/*.test.mjs: query parsing, snippets, facet counts, browsing, correction, whole texts). This runs them in the
 * build, so that {@code mvn verify} fails when one fails.
 */
class SearchCoreNodeTest {

    static final Path TESTS = Path.of("src/test/js/core");

    @Test
    void everyNodeTestOfTheCorePasses() throws IOException {
        Node.TestRun run = Node.test(TESTS);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().matches("(?s).*# pass [1-9]\\d*\\R.*"), "no test ran:\n" + run.output());
        assertTrue(run.output().contains("# fail 0"), run.output());
    }
}
