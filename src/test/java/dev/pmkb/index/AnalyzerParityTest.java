package dev.pmkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pmkb.cli.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import dev.pmkb.testing.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code assets/js/search/core/analyze.js} must produce exactly the tokens of {@link PmkbAnalyzer}. */
class AnalyzerParityTest {

    private static final Path RUNNER = Path.of("src/test/js/analyze-runner.mjs");
    private static final PmkbAnalyzer ANALYZER = new PmkbAnalyzer();

    @BeforeAll
    static void nodeIsThere() {
        boolean ok;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        assumeTrue(ok, "node is not on PATH");
    }

    @Test
    void javaChainDoesWhatTheDocsSay() {
        assertEquals(List.of("server", "connect", "pool", "don", "ipv6", "5xx", "e", "mail", "istanbul", "café"),
                Analysis.terms(ANALYZER, "The server’s connection-pool don't IPv6 5xx e-mail İstanbul café"));
        List<Analysis.Token> tokens = Analysis.tokens(ANALYZER, "root cause of the outage");
        assertEquals(List.of(0, 1, 4), tokens.stream().map(Analysis.Token::position).toList());
        String longRun = "a".repeat(600);
        assertEquals(List.of(255, 255, 90),
                Analysis.terms(ANALYZER, longRun).stream().map(String::length).toList());
    }

    @Test
    void sameTokensOnGeneratedWordsAndCorpusLines() throws IOException {
        List<String> inputs = new ArrayList<>(generatedWords());
        assertTrue(inputs.size() >= 5000, "word list has " + inputs.size());
        for (Path file : corpusAndSeeds()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (String line : text.split("\r?\n")) inputs.add(line);
            inputs.add(text); // whole files: longer than the tokenizer's 4,096-char read buffer
        }
        // a surrogate pair and a long token straddling the read buffer's boundary
        inputs.add("x".repeat(4095) + "𝐀𝐁 tail");
        inputs.add("y ".repeat(2047) + "z".repeat(300) + " 𝐀" + "b".repeat(5000));
        List<String> expected = inputs.stream().map(AnalyzerParityTest::javaLine).toList();
        List<String> actual = runNode("analyze", inputs.stream().map(Json::quoteAscii).toList());
        assertEquals(inputs.size(), actual.size(), "analyze.js answered a different number of lines");
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < inputs.size() && differences.size() < 10; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                differences.add(Json.quoteAscii(inputs.get(i)) + "\n    java: " + expected.get(i)
                        + "\n    js:   " + actual.get(i));
            }
        }
        if (!differences.isEmpty()) fail("analyze.js differs from PmkbAnalyzer:\n  " + String.join("\n  ", differences));
    }

    /**
     * Every code point that both Java's and the JS engine's Unicode versions assign must classify and lower-case
     * identically; the ones only one side knows are reported, not failed (they depend on the runtime versions).
     */
    @Test
    void sameClassificationAndLowerCaseOnEveryAssignedCodePoint() throws IOException {
        List<String> lines = runNode("codepoints", List.of());
        Set<Integer> jsUnassigned = new java.util.HashSet<>();
        java.util.BitSet jsToken = new java.util.BitSet(0x110000);
        java.util.Map<Integer, Integer> jsLower = new java.util.HashMap<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "T", "U" -> {
                    String[] range = parts[1].split("-");
                    int from = Integer.parseInt(range[0]), to = Integer.parseInt(range[1]);
                    for (int cp = from; cp <= to; cp++) {
                        if (parts[0].equals("T")) jsToken.set(cp);
                        else jsUnassigned.add(cp);
                    }
                }
                case "L" -> jsLower.put(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                default -> { }
            }
        }
        List<String> differences = new ArrayList<>();
        int versionSkew = 0;
        int lowerCaseMappings = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean known = Character.getType(cp) != Character.UNASSIGNED && !jsUnassigned.contains(cp);
            int javaLower = Character.toLowerCase(cp);
            int jsLowerCp = jsLower.getOrDefault(cp, cp);
            if (javaLower != cp) lowerCaseMappings++;
            boolean same = PmkbAnalyzer.isTokenChar(cp) == jsToken.get(cp) && javaLower == jsLowerCp;
            if (same) continue;
            if (!known) {
                versionSkew++;
            } else if (differences.size() < 20) {
                differences.add(String.format("U+%04X token %s/%s lower U+%04X/U+%04X", cp,
                        PmkbAnalyzer.isTokenChar(cp), jsToken.get(cp), javaLower, jsLowerCp));
            }
        }
        assertTrue(lowerCaseMappings > 1000, "sanity: Java lower-cases " + lowerCaseMappings + " code points");
        System.out.println("analyzer parity: code points assigned in only one Unicode version that differ: "
                + versionSkew);
        if (!differences.isEmpty()) fail("code points that differ:\n  " + String.join("\n  ", differences));
    }

    @Test
    void queryJsParsesLikeParsedQuery() throws IOException {
        List<String> queries = new ArrayList<>(List.of("connection pool", "\"connection pool\"", "\"pool of 20\" size",
                "the of and", "   ", "", "!!!", "🔥", "\"", "\"\"", "\"the\" pool", "pool \"max connections", "tim",
                "connection po", "connection po ", "\"connection po\"", "server's", "don't stop", "pool pool pool",
                "\"a b\" \"a b\" a b", "İstanbul outage", "e-mail 5xx IPv6", "\u00a0\u2007\u202f", "\u2003pool\u2003",
                "\u001c", "the", "the th", "x".repeat(300), "word ".repeat(40), "a\tb\nc", "ü", "日本語 検索"));
        SplittableRandom random = new SplittableRandom(42);
        for (Path file : corpusAndSeeds()) {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 0; i < 10; i++) {
                String line = lines[random.nextInt(lines.length)];
                if (line.length() > 90) line = line.substring(0, 90);
                if (random.nextInt(3) == 0 && !line.isEmpty()) {
                    int at = random.nextInt(line.length());
                    line = line.substring(0, at) + "\"" + line.substring(at);
                }
                queries.add(line);
            }
        }
        List<String> inputs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String query : queries) {
            for (boolean prefix : new boolean[]{false, true}) {
                inputs.add("[" + Json.quoteAscii(query) + "," + prefix + "]");
                expected.add(describe(query, prefix));
            }
        }
        List<String> actual = runNode("parse", inputs);
        assertEquals(inputs.size(), actual.size());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < inputs.size() && differences.size() < 10; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                differences.add(inputs.get(i) + "\n    java: " + expected.get(i) + "\n    js:   " + actual.get(i));
            }
        }
        if (!differences.isEmpty()) fail("query.js differs from ParsedQuery:\n  " + String.join("\n  ", differences));
        assertTrue(expected.stream().anyMatch(e -> e.startsWith("ERR ")) && expected.stream().anyMatch(e -> e.contains("X:")));
    }

    private static String describe(String query, boolean prefix) {
        try {
            ParsedQuery parsed = ParsedQuery.parse(query, prefix);
            return parsed.clauses().stream().map(AnalyzerParityTest::describe).collect(Collectors.joining(" "))
                    + " ~ " + parsed.proximity().stream().map(AnalyzerParityTest::describe).collect(Collectors.joining(" "));
        } catch (QueryException e) {
            return "ERR " + e.getMessage();
        }
    }

    private static String describe(ParsedQuery.Clause clause) {
        return switch (clause) {
            case ParsedQuery.Term t -> "T:" + t.term();
            case ParsedQuery.Phrase p -> "P:" + String.join(",", p.terms()) + "@"
                    + p.positions().stream().map(String::valueOf).collect(Collectors.joining(","));
            case ParsedQuery.Prefix p -> "X:" + p.word() + "/" + p.stem();
            case ParsedQuery.Group g -> "G:" + g.alternatives().stream()
                    .map(a -> a.stream().map(AnalyzerParityTest::describe).collect(Collectors.joining("+")))
                    .collect(Collectors.joining("|"));
        };
    }

    private static String javaLine(String input) {
        return Analysis.tokens(ANALYZER, input).stream().map(t -> t.position() + ":" + t.term())
                .collect(Collectors.joining(" "));
    }

    private static List<Path> corpusAndSeeds() throws IOException {
        List<Path> files = new ArrayList<>(TestIncidents.corpusFiles());
        files.addAll(TestIncidents.seedFiles());
        return files;
    }

    /** Deterministic list of words and fragments aimed at the chain's edges. */
    static List<String> generatedWords() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        // real English words: the corpus vocabulary (every distinct run of ASCII letters)
        Set<String> vocabulary = new TreeSet<>();
        for (Path file : corpusAndSeeds()) {
            for (String word : Files.readString(file, StandardCharsets.UTF_8).split("[^A-Za-z]+")) {
                if (word.length() > 1) vocabulary.add(word);
            }
        }
        List<String> words = new ArrayList<>(vocabulary);
        // Porter edges: roots crossed with every suffix the stemmer knows
        String[] roots = {"relat", "condition", "rational", "valen", "hesit", "digit", "conform", "radic",
                "differen", "vile", "analog", "vietnam", "predic", "triplic", "formal", "sensitiv", "electric",
                "hope", "good", "revival", "allow", "infer", "airlin", "gyroscop", "adjust", "depend", "adopt",
                "homolog", "communism", "activ", "angular", "homolog", "effect", "bowdler", "generat", "oscill",
                "sky", "by", "ey", "tr", "cr", "fl", "abe", "ion", "y", "yy", "aed", "eed", "oed", "con", "sion"};
        String[] suffixes = {"", "s", "es", "sses", "ies", "ss", "ed", "eed", "ing", "ings", "ational", "tional",
                "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator",
                "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative",
                "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant",
                "ement", "ment", "ent", "sion", "tion", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "e", "ll",
                "y", "ly", "at", "bl", "iz", "ated", "bled", "ized", "ping", "lling", "ssing", "zzed", "ying"};
        for (String root : roots) for (String suffix : suffixes) out.add(root + suffix);
        SplittableRandom random = new SplittableRandom(20240611L);
        String[] decorations = {"'s", "’s", "＇s", "s'", "n't", "'re", "'ll", "-pool", "-mail", "5xx", "v6", "…",
                "’", "\"", "é", "ß", "\u0301", "🔥", "数据库", "_id", ".", "-", "/", "9"};
        for (String word : words) {
            out.add(word);
            out.add(word.toUpperCase(java.util.Locale.ROOT));
            String mixed = word.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + word.substring(1);
            out.add(mixed + decorations[random.nextInt(decorations.length)]);
            out.add(word + decorations[random.nextInt(decorations.length)] + words.get(random.nextInt(words.size())));
        }
        // hand-picked cases
        out.addAll(List.of("server's", "server’s", "SERVER'S", "servers'", "don't", "won’t", "it's", "e-mail",
                "connection-pool", "5xx", "HTTP/2", "IPv6", "IPV6", "10.0.0.1", "v1.2.3", "x86_64", "ÉCOLE",
                "İstanbul", "ıi", "ǅungla", "ΣΊΣΥΦΟΣ", "Straße", "ẞ", "naïve", "cafe\u0301", "日本語のテキスト",
                "数据库连接池耗尽", "한국어", "Ελληνικά", "Русский", "עברית", "العربية", "हिन्दी", "١٢٣", "१२३",
                "🔥outage🔥", "👩‍💻dev", "a\uD800b", "\uDC00x", "𝐀𝐁𝐂", "𐐀𐐁", "ⅷ", "①", "x²", "Ⅻ",
                "\u00A0nbsp\u2007", "tab\tsep", "“quoted”", "‘single’", "—dash—", "a\u200Db", "soft\u00ADhyphen"));
        for (int length : new int[]{254, 255, 256, 300, 509, 510, 511, 1000}) {
            out.add("x".repeat(length));
            out.add("é".repeat(length) + " tail");
            out.add("a".repeat(length - 1) + "𝐀" + "b".repeat(3)); // surrogate pair across the 255 cut
            out.add("ational".repeat(length / 7 + 1));
        }
        return new ArrayList<>(out);
    }

    private static List<String> runNode(String mode, List<String> stdinLines) throws IOException {
        List<String> lines = new ArrayList<>(Node.run(List.of(RUNNER.toString(), mode,
                String.join(",", PmkbAnalyzer.STOP_WORDS), Integer.toString(ParsedQuery.MAX_CLAUSES)), stdinLines));
        if (!lines.isEmpty() && lines.getLast().isEmpty() && stdinLines.size() < lines.size()) lines.removeLast();
        return lines;
    }
}
