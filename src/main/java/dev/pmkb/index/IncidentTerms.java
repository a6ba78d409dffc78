package dev.pmkb.index;

import dev.pmkb.model.Facts;
import dev.pmkb.model.Postmortem;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What relating reads of one incident alone, whatever the library around it: its failure text and the terms of that
 * text, of the whole write-up and of its title; its causes, components, organisation, date and file name; the files
 * its Markdown links to and the words before each "see separate post-mortem". Reading these (splitting, stemming,
 * scanning for links and cues) was half of relating a library; weighing them (idf, the average length, which terms
 * are meaningful, candidates and scores) depends on the whole library and is redone by every bake.
 *
 * <p>Terms are kept as words, numbered within the incident ({@link #words}), never as the numbers one relating gives
 * them: those depend on which incidents were read, and in what order. So a build cache can keep this between bakes
 * ({@link #encode}, {@link #decode}) and a rebake reads again only the incidents that changed ({@link Store}).
 */
public final class IncidentTerms {

    /** The encoding's own version: bump it when what is kept changes meaning. */
    private static final int ENCODING = 1;

    /**
     * Where relating gets the terms of an incident: the build cache keeps them between bakes. Called from several
     * threads at once.
     */
    public interface Store {

        /**
         * The terms of {@code incident} as it is now: kept ones when the store has them, else {@code read}'s, which the
         * store may keep.
         */
        IncidentTerms terms(Postmortem incident, Function<Postmortem, IncidentTerms> read);

        /** Keeps nothing: every incident is read. */
        Store NONE = (incident, read) -> read.apply(incident);
    }

    /** Bytes that are not an encoding of incident terms: truncated, garbled, or of another version. */
    public static final class DamagedException extends Exception {
        DamagedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    final String id;
    /** {@code 2023/db-pool.md} → {@code db-pool}: how another write-up's link names this one. */
    final String fileKey;
    /** The incident's date as an epoch day, {@link Long#MIN_VALUE} when undated. */
    final long day;
    /** Cause slugs, first the main one; never "unknown". */
    final List<String> causes;
    /** Components, lower-cased → as written, in key order. */
    final Map<String, String> components;
    /** The organisation as written (stripped), null when the header names none. */
    final String organisation;
    /** The incident's words (analysed terms); its texts hold their numbers, indexes into this array. */
    final String[] words;
    /**
     * {@code words[0]} to {@code words[ownWords - 1]} occur in the failure text, the write-up or the title; the others
     * only in link names and before cues, where a word counts only when some incident of the library uses it.
     */
    final int ownWords;
    /** The failure text: the author's title, root cause, resolution and summary, or the write-up's start. */
    final String text;
    /** Token {@code i} of {@link #text}: word {@code tokens[i]} at position {@code positions[i]}, offsets starts to ends. */
    final int[] tokens;
    final int[] positions;
    final int[] starts;
    final int[] ends;
    /** The whole write-up's words, in order. */
    final int[] body;
    /** The author's title's words, in order; empty when pmkb composed the title. */
    final int[] title;
    /** The file keys of the Markdown files the write-up links to, in order. */
    final List<String> links;
    /** The words of each linked file's name, as a title would be read. */
    final int[][] linkNames;
    /** For each reference cue ("see separate post-mortem"), the words before it that say what it refers to. */
    final int[][] cues;

    IncidentTerms(String id, String fileKey, long day, List<String> causes, Map<String, String> components,
                  String organisation, String[] words, int ownWords, String text, int[] tokens, int[] positions,
                  int[] starts, int[] ends, int[] body, int[] title, List<String> links, int[][] linkNames,
                  int[][] cues) {
        this.id = id;
        this.fileKey = fileKey;
        this.day = day;
        this.causes = List.copyOf(causes);
        this.components = Collections.unmodifiableMap(new TreeMap<>(components));
        this.organisation = organisation;
        this.words = words;
        this.ownWords = ownWords;
        this.text = text;
        this.tokens = tokens;
        this.positions = positions;
        this.starts = starts;
        this.ends = ends;
        this.body = body;
        this.title = title;
        this.links = List.copyOf(links);
        this.linkNames = linkNames;
        this.cues = cues;
    }

    /** The incident whose terms these are. */
    public String id() {
        return id;
    }

    /** Terms and the numbers a scanner gave their words ({@code numbers[k]} is word {@code k}'s). */
    record Scanned(IncidentTerms terms, int[] numbers) {
    }

    /** Reads one incident with a thread's scanner; its numbers are the scanner's. */
    static Scanned read(Postmortem incident, TermScanner scanner) {
        Facts facts = incident.facts();
        StringBuilder text = new StringBuilder();
        List<String> causes = new ArrayList<>();
        Map<String, String> components = new TreeMap<>();
        String title = incident.titleComposed() || incident.authorTitle() == null ? "" : incident.authorTitle();
        if (!title.isBlank()) text.append(title.strip()).append("\n\n");
        if (facts != null) {
            // the facts are plain text already (the understand stage keeps what a reader sees of each line)
            for (String part : new String[]{facts.rootCause(), facts.resolution(), facts.summary()}) {
                if (part != null && !part.isBlank()) text.append(part.strip()).append("\n\n");
            }
            if (facts.causes() != null) {
                for (String slug : facts.causes().slugs()) {
                    if (slug != null && !slug.isBlank() && !slug.equals("unknown") && !causes.contains(slug)) {
                        causes.add(slug);
                    }
                }
            }
            for (String component : facts.components()) {
                if (component != null && !component.isBlank()) {
                    components.putIfAbsent(component.strip().toLowerCase(Locale.ROOT), component.strip());
                }
            }
        }
        String bodyText = incident.body() == null ? "" : incident.body().text();
        int[] body = scanner.terms(bodyText);
        int n = scanner.scan(text.toString());
        if (n < RelatedIncidents.THIN_FAILURE_TEXT && !bodyText.isBlank()) {
            // a status-page update or a bare log says what failed only in its body
            int cut = bodyText.length() <= RelatedIncidents.THIN_COMPLETION_CHARS ? bodyText.length()
                    : Math.max(bodyText.lastIndexOf(' ', RelatedIncidents.THIN_COMPLETION_CHARS),
                    RelatedIncidents.THIN_COMPLETION_CHARS / 2);
            text.append(bodyText, 0, cut);
            n = scanner.scan(text.toString());
        }
        int[] tokens = Arrays.copyOf(scanner.terms, n);
        int[] positions = Arrays.copyOf(scanner.positions, n);
        int[] starts = Arrays.copyOf(scanner.starts, n);
        int[] ends = Arrays.copyOf(scanner.ends, n);
        int[] titleTerms = scanner.terms(title);
        String markdown = incident.markdown() == null ? "" : incident.markdown();
        List<String> links = new ArrayList<>();
        List<int[]> linkNames = new ArrayList<>();
        linkTargets(markdown, target -> {
            String key = fileKey(target);
            links.add(key);
            linkNames.add(scanner.terms(key.replaceAll("[-_+.]+", " ")));
        });
        List<int[]> cues = new ArrayList<>();
        // a cue holds one of the words its second half starts with, a few dozen characters from its start
        SparseMatches cue = new SparseMatches(RelatedIncidents.REFERENCE_CUE, bodyText,
                SparseMatches.near(bodyText, RelatedIncidents.CUE_REACH, "post", "incident", "write", "rca"));
        while (cue.find()) {
            // what the cue is said of: the words just before it on its line (a table is one line of text)
            int from = Math.max(bodyText.lastIndexOf('\n', cue.start()) + 1,
                    cue.start() - RelatedIncidents.CUE_CONTEXT);
            int sentence = bodyText.lastIndexOf(". ", cue.start());
            if (sentence >= from) from = sentence + 2;
            cues.add(scanner.terms(bodyText.substring(from, cue.start())));
        }
        String organisation = RelatedIncidents.organisation(incident);
        String source = incident.source() == null ? "" : incident.source().replace('\\', '/');

        // numbered within the incident: the words of its texts first, then those only links and cues name
        Numbering numbering = new Numbering(body.length + tokens.length);
        body = numbering.local(body);
        tokens = numbering.local(tokens);
        titleTerms = numbering.local(titleTerms);
        int ownWords = numbering.size();
        int[][] names = linkNames.stream().map(numbering::local).toArray(int[][]::new);
        int[][] before = cues.stream().map(numbering::local).toArray(int[][]::new);
        int[] numbers = numbering.numbers();
        String[] words = new String[numbers.length];
        for (int k = 0; k < numbers.length; k++) words[k] = scanner.term(numbers[k]);
        IncidentTerms terms = new IncidentTerms(incident.id(), fileKey(source),
                incident.date() == null ? Long.MIN_VALUE : incident.date().toEpochDay(), causes, components,
                organisation == null ? null : organisation.strip(), words, ownWords, text.toString(), tokens,
                positions, starts, ends, body, titleTerms, links, names, before);
        return new Scanned(terms, numbers);
    }

    /**
     * The Markdown files a write-up's text names, decoded: link targets and bare paths ending in {@code .md}, each
     * read back from its extension to a space, bracket or quote.
     */
    private static void linkTargets(String markdown, java.util.function.Consumer<String> target) {
        SparseMatches m = new SparseMatches(RelatedIncidents.MARKDOWN_EXTENSION, markdown,
                from -> markdown.indexOf('.', from));
        while (m.find()) {
            // scanning back is bounded, where a pattern matching the target from every start would be quadratic on
            // a long line without spaces
            int start = m.start();
            while (start > 0 && m.start() - start < RelatedIncidents.MAX_LINK_TARGET
                    && "()<>[]\"'|`".indexOf(markdown.charAt(start - 1)) < 0
                    && !Character.isWhitespace(markdown.charAt(start - 1))) {
                start--;
            }
            if (start == m.start()) continue;
            target.accept(decode(markdown.substring(start, m.end())));
        }
    }

    private static String decode(String url) {
        try {
            return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return url;
        }
    }

    /** {@code 2023/db-pool.md} → {@code db-pool}: how another write-up's link names this one. */
    static String fileKey(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A scanner's numbers → numbers from 0 within one incident, in order of first use (open addressing). */
    private static final class Numbering {
        private int[] keys;
        private int[] values;
        private int[] order;
        private int size;

        Numbering(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new int[capacity];
            values = new int[capacity];
            order = new int[Math.max(16, expected)];
        }

        int[] local(int[] numbers) {
            int[] out = new int[numbers.length];
            for (int i = 0; i < numbers.length; i++) out[i] = local(numbers[i]);
            return out;
        }

        private int local(int number) {
            int mask = keys.length - 1;
            int key = number + 1; // 0 marks an empty slot
            for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
                if (keys[slot] == key) return values[slot];
                if (keys[slot] == 0) {
                    keys[slot] = key;
                    values[slot] = size;
                    if (size == order.length) order = Arrays.copyOf(order, size * 2);
                    order[size] = number;
                    if (++size * 2 > keys.length) grow();
                    return size - 1;
                }
            }
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] == 0) continue;
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != 0) slot = (slot + 1) & mask;
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }

        int size() {
            return size;
        }

        int[] numbers() {
            return Arrays.copyOf(order, size);
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    /** These terms as bytes, for a cache: {@link #decode} gives them back. */
    public byte[] encode() {
        Out out = new Out(text.length() * 2 + words.length * 8 + body.length * 2 + tokens.length * 6 + 64);
        out.number(ENCODING);
        out.string(id);
        out.string(fileKey);
        out.number(day == Long.MIN_VALUE ? 0 : 1);
        if (day != Long.MIN_VALUE) out.signed(day);
        out.strings(causes);
        out.number(components.size());
        components.forEach((key, name) -> {
            out.string(key);
            out.string(name);
        });
        out.string(organisation);
        out.strings(Arrays.asList(words));
        out.number(ownWords);
        out.string(text);
        out.numbers(tokens);
        out.ascending(positions);
        out.ascending(starts);
        out.number(ends.length);
        for (int i = 0; i < ends.length; i++) out.number(ends[i] - starts[i]);
        out.numbers(body);
        out.numbers(title);
        out.strings(links);
        for (int[] name : linkNames) out.numbers(name);
        out.number(cues.length);
        for (int[] cue : cues) out.numbers(cue);
        return out.bytes();
    }

    /** Terms from {@link #encode}'s bytes; damaged bytes are refused, never read as other terms. */
    public static IncidentTerms decode(byte[] bytes) throws DamagedException {
        try {
            In in = new In(bytes);
            int encoding = in.number();
            if (encoding != ENCODING) throw new IllegalArgumentException("encoding " + encoding + ", not " + ENCODING);
            String id = in.string();
            String fileKey = in.string();
            long day = in.number() == 0 ? Long.MIN_VALUE : in.signed();
            List<String> causes = in.strings();
            Map<String, String> components = new TreeMap<>();
            for (int i = in.count(2); i > 0; i--) components.put(in.present(), in.present());
            String organisation = in.string();
            String[] words = in.strings().toArray(String[]::new);
            int ownWords = in.number();
            if (ownWords > words.length) throw new IllegalArgumentException("more own words than words");
            String text = in.string();
            int[] tokens = in.numbers(words.length);
            int[] positions = in.ascending();
            int[] starts = in.ascending();
            int[] ends = new int[in.count(1)];
            for (int i = 0; i < ends.length; i++) ends[i] = Math.addExact(starts[i], in.number());
            if (positions.length != tokens.length || starts.length != tokens.length || ends.length != tokens.length) {
                throw new IllegalArgumentException("tokens, positions and offsets differ in number");
            }
            for (int i = 0; i < tokens.length; i++) {
                if (ends[i] <= starts[i] || ends[i] > text.length()) {
                    throw new IllegalArgumentException("a token beyond the text");
                }
            }
            int[] body = in.numbers(ownWords);
            int[] title = in.numbers(ownWords);
            List<String> links = in.strings();
            int[][] linkNames = new int[links.size()][];
            for (int i = 0; i < linkNames.length; i++) linkNames[i] = in.numbers(words.length);
            int[][] cues = new int[in.count(1)][];
            for (int i = 0; i < cues.length; i++) cues[i] = in.numbers(words.length);
            for (int token : tokens) {
                if (token >= ownWords) throw new IllegalArgumentException("a token of the text is no own word");
            }
            if (!in.done()) throw new IllegalArgumentException("bytes after the end");
            if (id == null || fileKey == null || text == null || causes.contains(null) || links.contains(null)
                    || Arrays.asList(words).contains(null)) {
                throw new IllegalArgumentException("a missing string");
            }
            return new IncidentTerms(id, fileKey, day, causes, components, organisation, words, ownWords, text,
                    tokens, positions, starts, ends, body, title, links, linkNames, cues);
        } catch (RuntimeException e) {
            throw new DamagedException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** Unsigned variable-length numbers (seven bits a byte) and UTF-8 strings with their length. */
    private static final class Out {
        private final ByteArrayOutputStream bytes;

        Out(int expected) {
            bytes = new ByteArrayOutputStream(expected);
        }

        void number(long value) {
            while ((value & ~0x7fL) != 0) {
                bytes.write((int) (value & 0x7f) | 0x80);
                value >>>= 7;
            }
            bytes.write((int) value);
        }

        void signed(long value) {
            number((value << 1) ^ (value >> 63));
        }

        void string(String value) {
            if (value == null) {
                number(0);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            number(utf8.length + 1L);
            bytes.writeBytes(utf8);
        }

        void strings(List<String> values) {
            number(values.size());
            for (String value : values) string(value);
        }

        void numbers(int[] values) {
            number(values.length);
            for (int value : values) number(value);
        }

        /** Non-decreasing numbers, each as its difference from the one before. */
        void ascending(int[] values) {
            number(values.length);
            int previous = 0;
            for (int value : values) {
                number(value - previous);
                previous = value;
            }
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    private static final class In {
        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        long wide() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                if (shift > 63) throw new IllegalArgumentException("a number too long");
                byte b = bytes[at++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) return value;
            }
        }

        int number() {
            long value = wide();
            if (value > Integer.MAX_VALUE) throw new IllegalArgumentException("a number too large");
            return (int) value;
        }

        long signed() {
            long value = wide();
            return (value >>> 1) ^ -(value & 1);
        }

        /** A count of things each at least {@code bytesEach} long: never more than the bytes left could hold. */
        int count(int bytesEach) {
            int count = number();
            if ((long) count * bytesEach > bytes.length - at) throw new IllegalArgumentException("a count too large");
            return count;
        }

        String string() {
            int length = number();
            if (length == 0) return null;
            length--;
            if (length > bytes.length - at) throw new IllegalArgumentException("a string beyond the end");
            String value = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return value;
        }

        /** A string that is not null. */
        String present() {
            String value = string();
            if (value == null) throw new IllegalArgumentException("a missing string");
            return value;
        }

        List<String> strings() {
            int count = count(1);
            List<String> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) out.add(string());
            return out;
        }

        /** Numbers each below {@code limit}. */
        int[] numbers(int limit) {
            int[] out = new int[count(1)];
            for (int i = 0; i < out.length; i++) {
                out[i] = number();
                if (out[i] >= limit) throw new IllegalArgumentException("a word number out of range");
            }
            return out;
        }

        int[] ascending() {
            int[] out = new int[count(1)];
            int previous = 0;
            for (int i = 0; i < out.length; i++) {
                previous = out[i] = Math.addExact(previous, number());
            }
            return out;
        }

        boolean done() {
            return at == bytes.length;
        }
    }
}
