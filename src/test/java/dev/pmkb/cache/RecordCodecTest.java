package dev.pmkb.cache;

import dev.pmkb.model.Postmortem;
import dev.pmkb.read.SourceReader;
import dev.pmkb.testing.Shared;
import dev.pmkb.understand.Understander;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordCodecTest {

    @Test
    void everyPostmortemOfTheExampleLibraryComesBackEqual() throws Exception {
        Path library = Shared.exampleLibrary();
        Understander understander = Understander.forSite(library, new Properties());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(library.resolve("content"))) {
            files = walk.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            Postmortem p = understander.understand(SourceReader.read(library.resolve("content"), file));
            Object back = RecordCodec.decode(RecordCodec.encode(p));
            assertEquals(p, back, file.toString());
            assertArrayEquals(RecordCodec.hash(p), RecordCodec.hash(back), file.toString());
        }
    }

    enum Mood { CALM, LOUD }

    /** A record the codec has never heard of, with the kinds of components a model record may grow. */
    record Grown(String text, int count, long big, double share, Float ratio, boolean flag, Character letter, Mood mood,
                 LocalDate day, LocalDateTime moment, Duration took, ZoneOffset offset, ZoneId zone,
                 Optional<String> maybe, List<Nested> nested, Set<String> tags, Map<String, Integer> counts,
                 byte[] raw, Object nothing) {
    }

    record Nested(String name, List<String> values) {
    }

    @Test
    void aRecordWithNewComponentsComesBackWithoutTeachingTheCodec() throws Exception {
        Grown grown = new Grown("a \uD800 lone surrogate, ü, 漢字, \u0000", -3, Long.MIN_VALUE, 0.1, 2.5f, true, 'x',
                Mood.LOUD, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123),
                Duration.ofMinutes(-90), ZoneOffset.ofHoursMinutes(5, 30), ZoneId.of("Europe/Berlin"), Optional.of("yes"),
                List.of(new Nested("n", List.of("a", "b"))), Set.of("x", "y"), Map.of("k", 1), new byte[]{1, 2, 3}, null);
        Grown back = (Grown) RecordCodec.decode(RecordCodec.encode(grown));
        assertArrayEquals(grown.raw(), back.raw());
        // records compare arrays by identity: compare all else with the array made equal
        assertEquals(grown, new Grown(back.text(), back.count(), back.big(), back.share(), back.ratio(), back.flag(),
                back.letter(), back.mood(), back.day(), back.moment(), back.took(), back.offset(), back.zone(),
                back.maybe(), back.nested(), back.tags(), back.counts(), grown.raw(), back.nothing()));
    }

    @Test
    void equalTreesHashAlikeWhateverTheOrderOfUnorderedMaps() {
        Map<String, Integer> one = new HashMap<>();
        Map<String, Integer> other = new HashMap<>(64);
        for (int i = 0; i < 50; i++) one.put("k" + i, i);
        for (int i = 49; i >= 0; i--) other.put("k" + i, i);
        assertArrayEquals(RecordCodec.hash(new Nested("n", List.of())), RecordCodec.hash(new Nested("n", List.of())));
        assertArrayEquals(RecordCodec.hash(one), RecordCodec.hash(Map.copyOf(other)));
        assertFalse(Arrays.equals(RecordCodec.hash(new Nested("n", List.of("a"))),
                RecordCodec.hash(new Nested("n", List.of("b")))));
        // in a LinkedHashMap the order is meant: it counts
        Map<String, Integer> ab = new LinkedHashMap<>(Map.of("a", 1));
        ab.put("b", 2);
        Map<String, Integer> ba = new LinkedHashMap<>(Map.of("b", 2));
        ba.put("a", 1);
        assertFalse(Arrays.equals(RecordCodec.hash(ab), RecordCodec.hash(ba)));
    }

    @Test
    void damagedBytesAreReportedNeverDecodedWrongly() {
        byte[] good = RecordCodec.encode(new Nested("name", List.of("a", "b", "c")));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThrows(RecordCodec.CorruptEntryException.class, () -> RecordCodec.decode(truncated), "cut at " + cut);
        }
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThrows(RecordCodec.CorruptEntryException.class, () -> RecordCodec.decode(trailing));
    }

    record Foreign(Object value) {
    }

    @Test
    void onlyPmkbsAndTheJdksClassesAreMadeWhileDecoding() throws IOException {
        byte[] bytes = RecordCodec.encode(new Nested("x", List.of()));
        String name = Nested.class.getName();
        String forged = "org.evil.Gadget" + "x".repeat(name.length() - "org.evil.Gadget".length());
        byte[] changed = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace(name, forged)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(Arrays.equals(bytes, changed));
        RecordCodec.CorruptEntryException e = assertThrows(RecordCodec.CorruptEntryException.class,
                () -> RecordCodec.decode(changed));
        assertTrue(e.getMessage().contains("refusing class org.evil.Gadget"), e.getMessage());
        assertThrows(RecordCodec.UnsupportedValueException.class, () -> RecordCodec.encode(new Foreign(new Object())));
    }

    @Test
    void longStringsOfEveryKindComeBackAndHashAsTheirWholeEncoding() throws Exception {
        String ascii = "plain words ".repeat(2_000);
        String mixed = ("latency — 40 ms, “quoted” é \u0000 😀 " + "\uD800").repeat(900);
        Nested value = new Nested(ascii, List.of(mixed, "", "a", ascii + mixed));
        byte[] encoded = RecordCodec.encode(value);
        assertEquals(value, RecordCodec.decode(encoded));
        // no unordered collection inside: the canonical encoding is the plain one, hashed piece by piece
        assertArrayEquals(FastHash.of(encoded, encoded.length), RecordCodec.hash(value));
    }
}
