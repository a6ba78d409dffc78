package dev.pmkb.bench;

import dev.pmkb.model.FrontMatter;
import dev.pmkb.model.SourceDocument;
import dev.pmkb.read.SourceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibraryGeneratorTest {

    private static final int N = 50;

    @Test
    void theSameSeedWritesByteIdenticalLibraries(@TempDir Path tmp) throws IOException {
        LibraryGenerator.generate(N, 7, tmp.resolve("a"));
        LibraryGenerator.generate(N, 7, tmp.resolve("b"));
        LibraryGenerator.generate(N, 8, tmp.resolve("c"));

        TreeMap<String, byte[]> a = contents(tmp.resolve("a"));
        TreeMap<String, byte[]> b = contents(tmp.resolve("b"));
        assertEquals(N, a.size());
        assertEquals(a.keySet(), b.keySet());
        a.forEach((file, bytes) -> assertArrayEquals(bytes, b.get(file), file));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a-facts.tsv")), Files.readAllBytes(tmp.resolve("b-facts.tsv")));
        assertNotEquals(a.keySet(), contents(tmp.resolve("c")).keySet(), "another seed, another library");
    }

    /** The benchmarks time pmkb on these libraries: a file it fails to understand would time an error path. */
    @Test
    void pmkbUnderstandsEveryGeneratedPostmortem(@TempDir Path tmp) throws IOException {
        Path library = tmp.resolve("library");
        LibraryGenerator.generate(500, 42, library);
        dev.pmkb.understand.Understander understander = dev.pmkb.understand.Understander.defaults();
        List<String> failures;
        try (Stream<Path> files = Files.walk(library)) {
            failures = files.filter(Files::isRegularFile)
                    .map(file -> understander.understand(SourceReader.read(library, file)))
                    .flatMap(incident -> incident.diagnostics().stream())
                    .filter(d -> d.message().contains("could not understand"))
                    .map(d -> d.source() + ": " + d.message()).toList();
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aSmallerLibraryIsAPrefixOfALargerOne(@TempDir Path tmp) throws IOException {
        List<String> small = Files.readAllLines(facts(tmp, 10, "small"));
        List<String> large = Files.readAllLines(facts(tmp, 30, "large"));
        assertEquals(small, large.subList(0, small.size()));
    }

    @Test
    void everyFileParsesAndItsHeaderAgreesWithTheKnownFacts(@TempDir Path tmp) throws IOException {
        Path library = tmp.resolve("library");
        LibraryGenerator.generate(N, 42, library);
        List<String[]> facts = Files.readAllLines(LibraryGenerator.factsFile(library)).stream().skip(1)
                .map(line -> line.split("\t", -1)).toList();
        assertEquals(N, facts.size());
        assertTrue(Files.isRegularFile(tmp.resolve("library-facts.tsv")), "facts live beside the content folder");

        Set<String> formats = new HashSet<>();
        for (String[] f : facts) {
            String source = f[0], title = f[1], date = f[2], zone = f[5], format = f[9];
            List<String> causes = Arrays.asList(f[8].split(","));
            formats.add(format);
            assertTrue(source.matches(date.substring(0, 4) + "/[a-z0-9-]+\\.md"), source + " is <year>/<slug>.md");
            Path file = library.resolve(source);
            long size = Files.size(file);
            assertTrue(size >= 1_000 && size <= 10_000, source + " is " + size + " bytes");

            SourceDocument doc = SourceReader.read(library, file);
            assertEquals(List.of(), doc.problems(), source);
            assertTrue(doc.markdown().contains("Timeline"), source);
            assertTrue(Files.readString(file).contains(title), source + " carries its title");
            FrontMatter header = doc.frontMatter();
            switch (format) {
                case "alx" -> assertEquals(FrontMatter.Format.NONE, header.format(), source);
                case "jbake" -> {
                    assertEquals(FrontMatter.Format.JBAKE, header.format(), source);
                    assertEquals(causes, header.list("tags"), source);
                }
                case "yaml" -> {
                    assertEquals(FrontMatter.Format.YAML, header.format(), source);
                    assertEquals(causes, header.list("root_causes"), source);
                }
                default -> throw new AssertionError(format);
            }
            if (!format.equals("alx")) {
                assertEquals(title, header.text("title").orElseThrow(), source);
                assertEquals(date, header.text("date").orElseThrow(), source);
            }
            assertEquals(Long.parseLong(f[6]), minutesBetween(f[3], f[4], !zone.isEmpty()), source + " duration");
        }
        assertEquals(Set.of("alx", "jbake", "yaml"), formats);
    }

    private static long minutesBetween(String start, String end, boolean withOffset) {
        return withOffset
                ? Duration.between(OffsetDateTime.parse(start), OffsetDateTime.parse(end)).toMinutes()
                : Duration.between(LocalDateTime.parse(start), LocalDateTime.parse(end)).toMinutes();
    }

    private static Path facts(Path tmp, int n, String name) throws IOException {
        LibraryGenerator.generate(n, 3, tmp.resolve(name));
        return LibraryGenerator.factsFile(tmp.resolve(name));
    }

    private static TreeMap<String, byte[]> contents(Path root) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
