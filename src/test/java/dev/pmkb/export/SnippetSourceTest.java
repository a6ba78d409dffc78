package dev.pmkb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pmkb.model.ParsedBody;
import dev.pmkb.model.Postmortem;
import dev.pmkb.testing.BakeResult;
import dev.pmkb.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The text a result's snippet is cut from: sentences that carry the incident's words, never its facts header, and
 * the order in which browsing by filter lists incidents.
 */
class SnippetSourceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The labels of a facts header line as the corpus writes them. */
    static final Pattern HEADER = Pattern.compile(
            "(?i)^\\W*(duration|start time|end time|impact|severity|status|issue detected|date)\\W*:");

    private static Postmortem incident(String text) {
        return new Postmortem("x", "x.md", "X", null, Postmortem.DateOrigin.NONE, false, null, text,
                new ParsedBody("", text.replaceAll("(?m)^#+ |\\*\\*", ""), false), List.of());
    }

    @Test
    void keepsTheOpeningAndTheSentencesWithRareWordsButNeverTheFactsHeader() {
        String text = String.join("\n",
                "# Checkout outage: the whole shop stood still for a day and a half",
                "**Issue Summary:**",
                "Duration: June 10, 2023, 08:00 AM - June 11, 2023, 10:00 AM (UTC-5)",
                "Start Time: 08:00 AM",
                "Impact: The web application experienced intermittent service disruptions for most users.",
                "On June 10 the checkout service slowed down for every customer, and it stayed",
                "slow for most of the day while the team looked for the cause.",
                "## Timeline of the whole outage from the first alert to the fix",
                "08:05 AM - Monitoring alerts fired for response times.",
                "The team restarted the service and watched the dashboards for a while without result.",
                "Root Cause: a connection pool of ten connections was exhausted by a leaking report job.",
                "The team restarted the service and watched the dashboards again for a while.");
        Map<String, Integer> docFreq = Map.of("connect", 1, "pool", 1, "leak", 1, "exhaust", 1, "job", 1);
        String source = SnippetSource.of(incident(text), t -> docFreq.getOrDefault(t, 20), 20);
        List<String> passages = List.of(source.split("\n"));
        assertEquals("On June 10 the checkout service slowed down for every customer, and it stayed slow for most of"
                + " the day while the team looked for the cause.", passages.getFirst(), "the wrapped lines are one sentence");
        assertTrue(source.contains("connection pool of ten connections was exhausted by a leaking report job"), source);
        for (String passage : passages) assertFalse(HEADER.matcher(passage).find(), passage);
        assertFalse(source.contains("08:05"), "no timeline line: " + source);
        assertFalse(source.contains("Issue Summary") || source.contains("Timeline") || source.contains("stood still"),
                "no headings: " + source);
        assertTrue(source.length() <= SnippetSource.BUDGET, source);

        String full = SnippetSource.fullText(incident(text));
        assertTrue(full.contains("08:05 AM - Monitoring alerts fired") && full.contains("leaking report job"), full);
        for (String passage : full.split("\n")) assertFalse(HEADER.matcher(passage).find(), passage);
        assertFalse(full.contains("stood still") || full.contains("Issue Summary"), full);
    }

    @Test
    void hostileLinesCostLittle() {
        String text = String.join("\n", "-".repeat(1_000_000), ": ".repeat(300_000) + "end.",
                "word ".repeat(200_000) + ".", "1".repeat(500_000));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> { // quadratic work would take minutes
            assertTrue(SnippetSource.of(incident(text), t -> 1, 10).length() <= SnippetSource.BUDGET);
            assertTrue(SnippetSource.fullText(incident(text)).length() <= SnippetSource.FULL_TEXT_MAX);
        });
    }

    @Test
    void theWholeTextHasAnEnd() {
        String paragraph = "The replication lag grew while the batch job copied every table again. ";
        String full = SnippetSource.fullText(incident((paragraph.repeat(4) + "\n\n").repeat(100)));
        assertTrue(full.length() <= SnippetSource.FULL_TEXT_MAX && full.length() > SnippetSource.FULL_TEXT_MAX - 300,
                String.valueOf(full.length()));
    }

    @Test
    void aSentenceLongerThanItsShareIsCutAtASpace() {
        String sentence = "The database " + "really ".repeat(60) + "stopped.";
        String source = SnippetSource.of(incident(sentence), t -> 1, 10);
        assertTrue(source.endsWith("…") && source.length() <= SnippetSource.SENTENCE_MAX, source);
        assertTrue(source.substring(0, source.length() - 1).endsWith("really"), source);
    }

    /** Characters that tell the loops from the patterns apart: every kind of space, letter, digit and surrogate. */
    private static final String[] PIECES = {" ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2028",
            "\u0085", "a", "Word", "ΟΔΟΣ", "İ", "1", "\u0663", "\u00B2", ".", ":", "\"", "”", ")", "-",
            "\uD835\uDC00", "\uD83D\uDE00", "\uD835", "\uDC00", "é", "_"};

    private static String randomText(java.util.Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) text.append(PIECES[random.nextInt(PIECES.length)]);
        return text.toString();
    }

    @Test
    void theLoopsGiveWhatThePatternsTheyReplaceGive() {
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random, random.nextInt(12));
            assertEquals(text.replaceAll("\\s+", " ").strip(), SnippetSource.flat(text), text);
            assertEquals(text.split("\\s+").length, SnippetSource.wordCount(text), text);
            assertEquals(text.replaceAll("[^\\p{L}\\p{Nd}]+", ""), SnippetSource.lettersAndDigits(text), text);
        }
    }

    /** The paragraphs as first written: every question asked of the whole paragraph at every line. */
    private static List<String> paragraphsAskingTheWholeParagraph(String text, java.util.Set<String> headings) {
        Pattern endsSentence = Pattern.compile("[.!?:;)\"”]$");
        Pattern endsStatement = Pattern.compile("[.!?)\"”]$");
        java.util.function.Predicate<String> isHeading =
                line -> line.split("\\s+").length < 5 && !endsStatement.matcher(line).find();
        java.util.function.Function<String, String> key =
                line -> line.replaceAll("[^\\p{L}\\p{Nd}]+", "").toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.replaceAll("\\s+", " ").strip();
            if (line.isEmpty()) {
                if (!paragraph.isEmpty()) out.add(paragraph.toString());
                paragraph.setLength(0);
                continue;
            }
            if (!paragraph.isEmpty()) {
                boolean goesOn = !endsSentence.matcher(paragraph).find() && !isHeading.test(line)
                        && !isHeading.test(paragraph.toString()) && !headings.contains(key.apply(line))
                        && !headings.contains(key.apply(paragraph.toString()))
                        && (Character.isLowerCase(line.codePointAt(0)) || paragraph.length() >= 60);
                if (goesOn) {
                    paragraph.append(' ').append(line);
                    continue;
                }
                out.add(paragraph.toString());
                paragraph.setLength(0);
            }
            paragraph.append(line);
        }
        if (!paragraph.isEmpty()) out.add(paragraph.toString());
        return out;
    }

    @Test
    void aParagraphGrownLineByLineIsJoinedAsWhenAskedWhole() {
        String opening = "the service slowed down for every single customer";
        String goingOn = "and then for most of the day";
        String sigmas = "ΟΔΟΣ ΟΔΟΣ ΟΔΟΣ ΟΔΟΣ ΟΔΟΣ";
        String sigmaGoesOn = "σ and lower words";
        String[] lines = {"", opening, goingOn, "and more to go on with", sigmas, sigmaGoesOn, "Root cause", "ΟΔΟΣ",
                "ended here.", "2019-04-14T19:50:36 lb-07 rabbitmq[51562]: ERROR x", "and then",
                "Logs from lb-07 at the time of the incident", "İ dotted capital and more words here", "x.\u0085",
                "a\u2028", "short)", "Impact", "rootcause the next words go on", "\t  spaced\tout  line with words  "};
        // headings that a paragraph's letters equal once it has grown by a line, the longest of them too, and
        // one whose final sigma is a final one only in the paragraph's first line
        java.util.function.Function<String, String> key =
                line -> line.replaceAll("[^\\p{L}\\p{Nd}]+", "").toLowerCase(java.util.Locale.ROOT);
        java.util.Set<String> headings = java.util.Set.of("rootcause", "impact", key.apply(lines[11]),
                key.apply(opening + " " + goingOn), key.apply(sigmas + " " + sigmaGoesOn));
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 5_000; i++) {
            List<String> text = new ArrayList<>();
            for (int n = random.nextInt(10); n > 0; n--) {
                text.add(random.nextInt(4) == 0 ? randomText(random, random.nextInt(8)) : lines[random.nextInt(lines.length)]);
            }
            String joined = String.join("\n", text);
            assertEquals(paragraphsAskingTheWholeParagraph(joined, headings), SnippetSource.paragraphs(joined, headings),
                    joined);
        }
    }

    @Test
    void onTheCorpusNoSnippetSourceHoldsAFactsHeaderLine() throws IOException {
        BakeResult corpus = Shared.corpusSite();
        List<String> problems = new ArrayList<>();
        int rows = 0;
        try (Stream<Path> shards = Files.list(corpus.output().resolve("search/r"))) {
            for (Path shard : shards.toList()) {
                for (JsonNode row : JSON.readTree(shard.toFile())) {
                    rows++;
                    String source = row.get(4).asText();
                    if (source.length() > SnippetSource.BUDGET) problems.add(row.get(0).asText() + ": too long");
                    for (String passage : source.split("\n")) {
                        if (HEADER.matcher(passage).find()) problems.add(row.get(0).asText() + ": " + passage);
                    }
                }
            }
        }
        assertEquals(140, rows);
        assertEquals(List.of(), problems);
    }

    @Test
    void browsingListsTheIncidentsNewestFirst() throws IOException {
        Path search = Shared.exampleSite().output().resolve("search");
        JsonNode manifest = JSON.readTree(search.resolve("manifest.json").toFile());
        List<String> dates = new ArrayList<>();
        JsonNode shards = manifest.get("shards");
        for (int s = 0; s < shards.size(); s++) {
            for (JsonNode row : JSON.readTree(search.resolve("r/" + s + ".json").toFile())) dates.add(row.get(2).asText());
        }
        int[] order = NumberDecoder.decode(JSON.readTree(search.resolve(SearchExport.RECENT).toFile()).get("docs").asText());
        assertEquals(manifest.get("docCount").asInt(), order.length);
        List<Integer> expected = new ArrayList<>();
        for (int doc = 0; doc < dates.size(); doc++) expected.add(doc);
        expected.sort(Comparator.comparing((Integer doc) -> dates.get(doc).isEmpty() ? "0" : dates.get(doc))
                .reversed().thenComparing(Comparator.naturalOrder()));
        assertEquals(expected, java.util.Arrays.stream(order).boxed().toList());
        assertTrue(dates.get(order[0]).compareTo(dates.get(order[order.length - 1])) > 0, "newest first");
    }

    @Test
    void aPreparedIncidentSurvivesItsBytesAndDamagedBytesAreRefused() {
        String text = String.join("\n",
                "# Checkout outage",
                "On June 10 the checkout service slowed down for every customer, and it stayed slow all day.",
                "Root Cause: a connection pool of ten connections was exhausted by a leaking report job.",
                "Ünïcödé wörds and an emoji 🚒 stay as they were written in this sentence.");
        SnippetSource.Prepared prepared = SnippetSource.prepare(incident(text));
        assertFalse(prepared.sentences().isEmpty());
        byte[] bytes = SnippetSource.encode(prepared);
        assertEquals(prepared, SnippetSource.decode(bytes));
        assertEquals(SnippetSource.of(incident(text), t -> 2, 10), SnippetSource.of(SnippetSource.decode(bytes), t -> 2, 10));
        for (int cut = 0; cut < bytes.length; cut += 7) {
            assertEquals(null, SnippetSource.decode(java.util.Arrays.copyOf(bytes, cut)), "cut at " + cut);
        }
        byte[] otherLayout = bytes.clone();
        otherLayout[3] ^= 1;
        assertEquals(null, SnippetSource.decode(otherLayout));
        assertEquals(null, SnippetSource.decode(null));
    }
}
