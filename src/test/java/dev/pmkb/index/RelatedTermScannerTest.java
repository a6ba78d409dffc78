package dev.pmkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pmkb.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scanner relating reads texts with gives the analyzer's tokens, term for term, in the same places. */
class RelatedTermScannerTest {

    private final PmkbAnalyzer analyzer = new PmkbAnalyzer();
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private final List<String> words = new ArrayList<>();
    private final TermScanner scanner = new TermScanner(analyzer, this::number);

    private synchronized int number(String term) {
        return numbers.computeIfAbsent(term, t -> {
            words.add(t);
            return words.size() - 1;
        });
    }

    private void assertSameTokens(String text) {
        List<Analysis.Token> expected = Analysis.tokens(analyzer, text);
        int count = scanner.scan(text);
        List<Analysis.Token> actual = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            actual.add(new Analysis.Token(words.get(scanner.terms[i]), scanner.positions[i], scanner.starts[i],
                    scanner.ends[i]));
        }
        assertEquals(expected, actual, () -> "tokens of: " + text);
    }

    @Test
    void sameTokensAsTheAnalyzerOnTrickyText() {
        assertSameTokens("The DB's pool was exhausted; it wasn't restarted (see RCA-12) — Connections properly closed.");
        assertSameTokens("Ünïcode café naïve ÉCOLE straße İstanbul ǅemal e\u0301t\u00e9 ٣٤ 東京 𝒜𝒷𝒸 x\uD835");
        assertSameTokens("a the and of to in is it was"); // only stop words: positions only
        assertSameTokens("x".repeat(600) + " " + "ab".repeat(127) + "\uD835\uDC9C" + "yz"); // runs cut at 255 units
        assertSameTokens("\uDC9C\uD835 lone \uD835surrogates\uDC9C here");
        assertSameTokens("");
    }

    @Test
    void sameTokensAsTheAnalyzerOnRandomText() {
        String[] pieces = {"pool", "Pool", "POOLS", "the", "And", " ", "  ", "-", ".", "'", "s", "\n", "é", "É",
            "\uD835\uDC9C", "\uD835", "\uDC9C", "\u0301", "٣", "東", "9", "running", "properly", "ǅ", "ß", "İ", "_"};
        SplittableRandom random = new SplittableRandom(15);
        for (int text = 0; text < 2_000; text++) {
            StringBuilder out = new StringBuilder();
            int length = random.nextInt(1, 80);
            for (int i = 0; i < length; i++) {
                // now and then a run long enough to be cut
                out.append(random.nextInt(40) == 0 ? "k".repeat(random.nextInt(250, 260))
                        : pieces[random.nextInt(pieces.length)]);
            }
            assertSameTokens(out.toString());
        }
    }

    @Test
    void sameTokensAsTheAnalyzerOnRealWriteUps() throws IOException {
        Path corpus = Shared.sharedFolder("corpus/alx");
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                assertSameTokens(Files.readString(file));
            }
        }
    }

    @Test
    void termsAreTheScannedNumbersInOrder() {
        int[] terms = scanner.terms("Pools exhausted; the pool restarted.");
        assertEquals(List.of("pool", "exhaust", "pool", "restart"),
                java.util.Arrays.stream(terms).mapToObj(words::get).toList());
    }
}
