package dev.pmkb.index;

import dev.pmkb.model.CauseTag;
import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import dev.pmkb.model.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.lucene.util.SmallFloat;

/**
 * "Related incidents": for every incident, the few others that failed in a similar way, each with reasons a reader
 * understands (docs/search.md, "Related incidents").
 *
 * <p>Text similarity is measured on what describes the failure (the author's title, root cause, resolution, summary;
 * the whole write-up when those say little, as in status-page updates). Every incident takes its most distinctive
 * meaningful terms (tf × idf, MoreLikeThis style); the candidates are the incidents that score best for them (BM25
 * over in-memory postings) and for the incident's cause tags, components and organisation, and the incidents of the
 * same week. {@code t(a→b)} is b's BM25 score for a's terms divided by a's own, and
 * {@code text = sqrt(t(a→b) × t(b→a))} in [0, 1], so that a few words of a short text found in a long one do not make
 * two incidents alike. Then {@code score = 0.55 text + 0.35 cause + 0.10 component + 0.10 organisation + 0.15 week}.
 * A link needs a reason that holds on its own: a shared cause; similar text ({@code text ≥ 0.3}) with two shared
 * meaningful terms, or one that both titles use ("… in NYC1"); some similar text ({@code text ≥ 0.15}) with a shared
 * meaningful term in the same component or organisation; or the same component or organisation in the same week.
 * A shared component alone, or the same week alone, links nothing. A write-up that refers to another (a link to its file, its title, "see separate
 * post-mortem" next to words of its title) is always linked to it, both ways, first.
 *
 * <p>A term is <em>meaningful</em> when write-ups that use it tend to use it again (residual IDF: its document
 * frequency is lower than the Poisson model predicts from its count; Church and Gale 1995) and at most a quarter of
 * them use it. Words of the genre ("determined", "properly", "incorrect") are spread thinly over many write-ups and
 * are not; "phpp", "NYC1", "certificate" are; "AM", "UTC" and "database" are in too many write-ups to tell two apart.
 * No list of words says so: the library does. Below 50 write-ups, too few to measure that, a term both incidents use
 * twice counts too. Adverbs whose adjective the library also uses ("properly") never count.
 *
 * <p>What each incident alone gives (its texts split and stemmed, its links and cues) is read into
 * {@link IncidentTerms}, which a {@link IncidentTerms.Store} (the build cache) may keep between bakes; the rest
 * (statistics, candidates, scores, lists) depends on the whole library and is computed by every call.
 *
 * <p>Ties break by id; every run gives the same lists. Each incident costs one pass over the postings of its
 * distinctive terms and its tags, its nearest neighbours in time and a few dozen pair scores, so the whole is close to
 * linear in the number of incidents.
 */
public final class RelatedIncidents {

    public static final int DEFAULT_LIMIT = 5;

    static final double TEXT_WEIGHT = 0.55;
    static final double CAUSE_WEIGHT = 0.35;
    static final double COMPONENT_WEIGHT = 0.10;
    static final double ORGANISATION_WEIGHT = 0.10;
    static final double WEEK_WEIGHT = 0.05;
    static final double SECONDARY_CAUSE = 0.7;
    static final double MIN_TEXT_ALONE = 0.3;
    /** Text similarity that links two incidents sharing a component, an organisation or a week. */
    static final double MIN_TEXT_IN_CONTEXT = 0.15;
    /** Meaningful terms two incidents must share to be linked on text alone. */
    static final int MIN_SHARED_TERMS = 2;
    /** Distinctive terms per incident used as its query. */
    static final int QUERY_TERMS = 15;
    /** Residual IDF (bits) from which a term counts as meaningful in the whole library. */
    static final double MIN_RESIDUAL_IDF = 0.7;
    /** Write-ups from which residual IDF tells meaningful terms apart by itself. */
    static final int MEASURABLE_LIBRARY = 50;
    /** Days apart that still count as the same week. */
    static final int WEEK_DAYS = 7;
    /** Nearest incidents in time a query reads at most. */
    static final int WEEK_CANDIDATES = 16;
    /** A failure text shorter than this many words is completed with the write-up itself. */
    static final int THIN_FAILURE_TEXT = 40;
    /** Characters of the write-up that complete a thin failure text. */
    static final int THIN_COMPLETION_CHARS = 4000;
    /** A title named in more write-ups than this is a phrase of the library, not a reference to one incident. */
    static final int MAX_MENTIONERS = 3;
    private static final Pattern SPACES_OR_HYPHENS = Pattern.compile("[\\s-]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Markdown link targets and bare paths that name another Markdown file. */
    static final Pattern MARKDOWN_EXTENSION = Pattern.compile("(?i)\\.(?:md|markdown)(?![\\w.])");
    /** Characters a link target is read back over from its extension, at most: a long line costs no more. */
    static final int MAX_LINK_TARGET = 400;
    /** "see separate post-mortem", "(see post-mortem [PM2019-009])", "the previous incident report". */
    static final Pattern REFERENCE_CUE = Pattern.compile(
            "(?i)\\b(?:see|separate|another|previous|earlier|prior|related|follow[- ]?up)\\b[^.\\n]{0,40}?"
                    + "\\b(?:post[- ]?mortems?|incident reports?|write[- ]?ups?|RCAs?)\\b");
    /** Characters from a cue's start to its "post-mortem" at most: its first word and 40 between, with room. */
    static final int CUE_REACH = 64;
    /** Characters before a reference cue that say what it refers to. */
    static final int CUE_CONTEXT = 160;
    /** How much less each word further from a reference cue counts. */
    static final double CUE_DECAY = 0.9;
    /** Incidents a query reads per term at most (see {@link Postings}). */
    static final int CANDIDATES_PER_TERM = 256;
    /** Shared words or phrases named in the "also mentions" reason. */
    static final int MENTIONS = 3;

    private static final String UNKNOWN = "unknown";

    private RelatedIncidents() {
    }

    public static Map<String, List<Related>> compute(List<Postmortem> incidents) {
        return compute(incidents, DEFAULT_LIMIT);
    }

    public static Map<String, List<Related>> compute(List<Postmortem> incidents, int limit) {
        return compute(incidents, limit, null);
    }

    /**
     * Incident id → up to {@code limit} related incidents, best first; every id of the input is a key. Reasons name
     * causes by {@code taxonomy}'s display names (by slug when it is null or does not know one).
     */
    public static Map<String, List<Related>> compute(List<Postmortem> incidents, int limit, Taxonomy taxonomy) {
        return compute(incidents, limit, taxonomy, IncidentTerms.Store.NONE);
    }

    /**
     * The same lists, with what each incident alone gives ({@link IncidentTerms}) taken from {@code store} where it
     * keeps them: only the library-wide part (statistics, candidates, scores, lists) is computed for every incident.
     */
    public static Map<String, List<Related>> compute(List<Postmortem> incidents, int limit, Taxonomy taxonomy,
                                                     IncidentTerms.Store store) {
        if (limit < 1) throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        List<Postmortem> sorted = SearchIndex.sortedById(incidents);
        int n = sorted.size();
        PmkbAnalyzer analyzer = new PmkbAnalyzer();
        Terms terms = new Terms();
        // Every incident's terms, profile, query and links are independent of the others' once the statistics
        // exist: they run on the cores the rest of the bake leaves idle (the common pool), and land in id order
        // whatever ran where.
        ThreadLocal<TermScanner> scanners = ThreadLocal.withInitial(() -> new TermScanner(analyzer, terms::id));
        IncidentTerms[] read = new IncidentTerms[n];
        int[][] numbers = new int[n][];
        IntStream.range(0, n).parallel().forEach(doc -> {
            IncidentTerms.Scanned[] scanned = new IncidentTerms.Scanned[1];
            read[doc] = store.terms(sorted.get(doc), incident -> {
                scanned[0] = IncidentTerms.read(incident, scanners.get());
                return scanned[0].terms();
            });
            // read now: numbered as this relating numbers terms; kept: numbered here from its words
            numbers[doc] = scanned[0] != null && scanned[0].terms() == read[doc] ? scanned[0].numbers()
                    : terms.ids(read[doc].words);
        });
        terms.freeze(read, numbers);
        List<Profile> profiles = IntStream.range(0, n).parallel()
                .mapToObj(doc -> Profile.of(sorted.get(doc).id(), read[doc], numbers[doc])).toList();
        TextStats stats = new TextStats(profiles, terms);
        References references = References.find(read, numbers, profiles, stats);
        Arrays.fill(read, null); // the write-ups' words are large: gone before the queries run
        // one more than the candidates wanted: the incident itself may be among the first with its tags
        Postings postings = new Postings(profiles, stats, candidatesWanted(limit) + 1);
        ThreadLocal<Scores> scratch = ThreadLocal.withInitial(() -> new Scores(profiles.size()));
        List<Candidates> candidates = IntStream.range(0, profiles.size()).parallel()
                .mapToObj(doc -> candidates(doc, profiles, postings, stats, scratch.get(), limit)).toList();
        java.util.function.Function<String, String> causeNames = slug -> taxonomy == null ? slug
                : taxonomy.cause(slug).map(CauseTag::name).orElse(slug);
        ThreadLocal<int[]> counts = ThreadLocal.withInitial(() -> new int[terms.size()]);
        List<List<Related>> lists = IntStream.range(0, profiles.size()).parallel()
                .mapToObj(doc -> related(doc, profiles, candidates, stats, references, causeNames, limit,
                        counts.get())).toList();
        Map<String, List<Related>> out = new LinkedHashMap<>();
        for (int doc = 0; doc < profiles.size(); doc++) out.put(profiles.get(doc).id, lists.get(doc));
        return out;
    }

    /**
     * The organisation a write-up is from, when the model knows it ({@code company} / {@code organization} in the
     * header): incidents of one organisation in the same week are related. Null when the header names none.
     */
    static String organisation(Postmortem incident) {
        String name = incident.credits() == null ? null : incident.credits().organisation();
        return name == null || name.isBlank() ? null : name.strip();
    }

    /**
     * Every term of the library's texts, each kept once and numbered. Profiles hold term numbers, not strings: at
     * 10,000 incidents a string and a token object per word were most of the bake's live heap. The numbers follow no
     * order (incidents are read in parallel, some taken from a cache); only strings order anything. Words that only
     * link names and the text before reference cues hold are numbered too, but are no term of the library
     * ({@link #known}) unless some incident's texts use them.
     */
    private static final class Terms {
        /** A term's number and its one string, which every incident's words are made to share. */
        private record Term(int id, String word) {
        }

        private final Map<String, Term> ids = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();
        private String[] words;
        private boolean[] used;

        int id(String term) {
            return term(term).id;
        }

        private Term term(String word) {
            Term known = ids.get(word); // a read needs no lock; computeIfAbsent may take one even for a hit
            return known != null ? known : ids.computeIfAbsent(word, w -> new Term(next.getAndIncrement(), w));
        }

        /**
         * The numbers of an incident's words, each word replaced by the equal string the library keeps: the words of
         * 10,000 kept incidents, decoded, were millions of strings alive until the references were found.
         */
        int[] ids(String[] words) {
            int[] out = new int[words.length];
            for (int k = 0; k < words.length; k++) {
                Term term = term(words[k]);
                words[k] = term.word;
                out[k] = term.id;
            }
            return out;
        }

        /**
         * Once every incident is read: numbers to words, and which words the library's texts use (each incident's
         * own words, numbered {@code numbers[doc]}).
         */
        void freeze(IncidentTerms[] read, int[][] numbers) {
            words = new String[next.get()];
            ids.forEach((word, term) -> words[term.id] = word);
            used = new boolean[words.length];
            for (int doc = 0; doc < read.length; doc++) {
                for (int k = 0; k < read[doc].ownWords; k++) used[numbers[doc][k]] = true;
            }
        }

        /** A term of the library's texts: its number, or -1. */
        int known(String word) {
            Term term = ids.get(word);
            return term == null || !used[term.id] ? -1 : term.id;
        }

        /** The number of a word, or -1 when no text of the library uses it. */
        int known(int id) {
            return used[id] ? id : -1;
        }

        String word(int id) {
            return words[id];
        }

        int size() {
            return words.length;
        }
    }

    /**
     * BM25 (k1 1.2, b 0.75, Lucene's idf and quantised field length) of a bag of query terms against one
     * incident's failure text, computed from the profiles: cheap enough to score any pair in both directions.
     * Document frequencies and the average length are counted the way Lucene counts them for a field: only texts
     * with at least one term count as documents. Beside them, each term's document and total frequency in the whole
     * write-ups, which say whether it is meaningful (residual IDF).
     */
    private static final class TextStats {
        private static final double K1 = 1.2;
        private static final double B = 0.75;
        private final Terms terms;
        private final int docCount;
        private final double avgLength;
        private final int[] docFreqs;
        private final double[] idfs;
        /** {@link #norm(Profile)} of every incident, in incident order: the postings loop needs it per posting. */
        private final double[] norms;
        private final int writeUps;
        private final int[] writeUpFreqs;
        /** Meaningful in the whole library: residual IDF of at least {@link #MIN_RESIDUAL_IDF}. */
        private final boolean[] bursty;
        /** Terms that can never say why two incidents are alike: digits only, one letter, an adverb. */
        private final boolean[] mute;

        TextStats(List<Profile> profiles, Terms terms) {
            this.terms = terms;
            this.docFreqs = new int[terms.size()];
            this.writeUpFreqs = new int[terms.size()];
            long[] writeUpCounts = new long[terms.size()];
            int withText = 0;
            int withWriteUp = 0;
            long tokens = 0;
            for (Profile p : profiles) {
                if (p.bodyTerms.length > 0) withWriteUp++;
                for (int k = 0; k < p.bodyTerms.length; k++) {
                    writeUpFreqs[p.bodyTerms[k]]++;
                    writeUpCounts[p.bodyTerms[k]] += p.bodyCounts[k];
                }
                if (p.tokenTerms.length == 0) continue;
                withText++;
                tokens += p.tokenTerms.length;
                for (int term : p.terms) docFreqs[term]++;
            }
            this.docCount = Math.max(1, withText);
            this.writeUps = Math.max(1, withWriteUp);
            this.avgLength = Math.max(1, tokens) / (double) docCount;
            this.idfs = new double[terms.size()];
            this.bursty = new boolean[terms.size()];
            this.mute = new boolean[terms.size()];
            for (int id = 0; id < idfs.length; id++) {
                idfs[id] = Math.log(1 + (docCount - docFreqs[id] + 0.5) / (docFreqs[id] + 0.5));
                bursty[id] = writeUpFreqs[id] > 0 && residualIdf(writeUpFreqs[id], writeUpCounts[id], writeUps)
                        >= MIN_RESIDUAL_IDF;
                String word = terms.word(id);
                mute[id] = word.length() < 2 || digits(word) || adverb(word, terms)
                        || FUNCTION_AND_CALENDAR_WORDS.contains(word);
            }
            this.norms = profiles.stream().mapToDouble(this::norm).toArray();
        }

        /**
         * Function words (Snowball's English stop list, which Lucene ships: "you", "my", "itself") and the words of
         * the calendar and the clock (the JDK's English month and day names, AM/PM, zone abbreviations): they say who
         * wrote and when, never what failed. When is the week criterion's business.
         */
        static final Set<String> FUNCTION_AND_CALENDAR_WORDS = functionAndCalendarWords();

        private static Set<String> functionAndCalendarWords() {
            List<String> words = new ArrayList<>();
            try (var reader = org.apache.lucene.util.IOUtils.getDecodingReader(
                    org.apache.lucene.analysis.snowball.SnowballFilter.class.getResourceAsStream("english_stop.txt"),
                    StandardCharsets.UTF_8)) {
                words.addAll(org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(reader).stream()
                        .map(word -> word instanceof char[] chars ? new String(chars) : word.toString()).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var symbols = java.text.DateFormatSymbols.getInstance(Locale.ENGLISH);
            for (String[] names : new String[][]{symbols.getMonths(), symbols.getShortMonths(), symbols.getWeekdays(),
                    symbols.getShortWeekdays(), symbols.getAmPmStrings()}) {
                words.addAll(Arrays.asList(names));
            }
            words.addAll(List.of("UTC", "GMT", "Z"));
            for (String zone : java.time.ZoneId.getAvailableZoneIds()) {
                java.util.TimeZone tz = java.util.TimeZone.getTimeZone(java.time.ZoneId.of(zone));
                for (boolean daylight : new boolean[]{false, true}) {
                    String abbreviation = tz.getDisplayName(daylight, java.util.TimeZone.SHORT, Locale.ENGLISH);
                    if (abbreviation.chars().allMatch(Character::isLetter)) words.add(abbreviation);
                }
            }
            return Set.copyOf(Analysis.terms(new PmkbAnalyzer(), String.join(" ", words)));
        }

        private static boolean digits(String word) {
            for (int i = 0; i < word.length(); i++) if (!Character.isDigit(word.charAt(i))) return false;
            return true;
        }

        /**
         * Observed IDF minus the IDF a Poisson spread of the same count would give, in bits: how much more a term
         * clusters in few write-ups than chance would put it there.
         */
        static double residualIdf(int documents, long count, int library) {
            double observed = -Math.log((double) documents / library);
            double poisson = -Math.log(1 - Math.exp(-(double) count / library));
            return (observed - poisson) / Math.log(2);
        }

        /**
         * "properly", "quickly", "incorrectly": Porter stems them to "properli", …; the library uses the adjective
         * ("proper") as well. ("supply" stems to "suppli", but "supp" is no word.)
         */
        private static boolean adverb(String term, Terms terms) {
            return term.length() >= 5 && term.endsWith("li") && terms.known(term.substring(0, term.length() - 2)) >= 0;
        }

        /**
         * Meaningful for this incident. In a library large enough to measure it: clusters in the write-ups that use
         * it, and at most a quarter of them do. In a small one: clusters, or this incident uses it twice.
         */
        boolean meaningful(int term, Profile in) {
            if (mute[term]) return false;
            return measurable() ? bursty[term] && !common(term) : bursty[term] || in.bodyCount(term) >= 2;
        }

        /** Meaningful for both: the same, with "both use it twice" in a small library. */
        boolean meaningful(int term, Profile a, Profile b) {
            if (mute[term]) return false;
            return measurable() ? bursty[term] && !common(term)
                    : bursty[term] || (a.bodyCount(term) >= 2 && b.bodyCount(term) >= 2);
        }

        /** Good enough to stand beside a meaningful word in a phrase ("load balancer"): clusters, and is no adverb. */
        boolean phrasePart(int term) {
            return !mute[term] && bursty[term];
        }

        /** Residual IDF says little below {@link #MEASURABLE_LIBRARY} write-ups. */
        private boolean measurable() {
            return writeUps >= MEASURABLE_LIBRARY;
        }

        /** In more than a quarter of the write-ups ("database", "AM", "UTC"): says nothing about two of them. */
        private boolean common(int term) {
            return writeUpFreqs[term] * 4 > writeUps;
        }

        /** idf of a term over the whole write-ups, for weighing the words of titles. */
        double writeUpIdf(int term) {
            return Math.log(1 + (double) writeUps / Math.max(1, writeUpFreqs[term]));
        }

        /** BM25's length normalisation of one text: the {@code k1 × (1 − b + b × length / average)} term. */
        double norm(Profile doc) {
            return K1 * (1 - B + B * doc.quantisedLength / avgLength);
        }

        double score(int[] query, Profile doc) {
            double norm = norm(doc);
            double sum = 0;
            for (int term : query) {
                int count = doc.count(term);
                if (count == 0) continue;
                sum += idfs[term] * count / (count + norm);
            }
            return sum;
        }
    }

    /**
     * Where a query looks for candidates: for each term, the incidents whose failure texts weigh it most (its BM25
     * weight there: how often, in how short a text), at most {@link #CANDIDATES_PER_TERM} of them; for each cause
     * tag, component and organisation, the first incidents that have it; for each incident, the nearest ones in time
     * within a week. Lists are in incident order, all terms' lists in two flat arrays ({@code docs} and
     * {@code counts} from {@code starts[term]} to {@code starts[term + 1]}).
     *
     * <p>Bounded lists keep a query's cost the same at 1,000 incidents as at 50,000. The whole list of a common term
     * grows with the library, and reading it for every incident made relating quadratic. The terms that say most
     * about a failure are rare, and their lists are whole; a common term weighs little in the score, and the
     * incidents where it weighs most are kept.
     */
    private static final class Postings {
        private final int[] starts;
        private final int[] docs;
        private final int[] counts;
        private final Map<String, int[]> byCause;
        private final Map<String, int[]> byComponent;
        private final Map<String, int[]> byOrganisation;
        private final int[][] sameWeek;

        Postings(List<Profile> profiles, TextStats stats, int perTag) {
            int termCount = stats.docFreqs.length;
            int[] allStarts = new int[termCount + 1];
            for (int t = 0; t < termCount; t++) allStarts[t + 1] = allStarts[t] + stats.docFreqs[t];
            int[] allDocs = new int[allStarts[termCount]];
            int[] allCounts = new int[allStarts[termCount]];
            int[] filled = Arrays.copyOf(allStarts, termCount);
            Map<String, IntStream.Builder> causes = new TreeMap<>();
            Map<String, IntStream.Builder> components = new TreeMap<>();
            Map<String, IntStream.Builder> organisations = new TreeMap<>();
            for (int doc = 0; doc < profiles.size(); doc++) {
                Profile p = profiles.get(doc);
                if (p.tokenTerms.length > 0) {
                    for (int k = 0; k < p.terms.length; k++) {
                        int at = filled[p.terms[k]]++;
                        allDocs[at] = doc;
                        allCounts[at] = p.counts[k];
                    }
                }
                for (String slug : p.causes) causes.computeIfAbsent(slug, s -> IntStream.builder()).add(doc);
                for (String key : p.components.keySet()) {
                    components.computeIfAbsent(key, s -> IntStream.builder()).add(doc);
                }
                if (p.organisation != null) {
                    organisations.computeIfAbsent(p.organisation, s -> IntStream.builder()).add(doc);
                }
            }
            starts = new int[termCount + 1];
            for (int t = 0; t < termCount; t++) starts[t + 1] = starts[t] + Math.min(CANDIDATES_PER_TERM, stats.docFreqs[t]);
            docs = new int[starts[termCount]];
            counts = new int[starts[termCount]];
            IntStream.range(0, termCount).parallel().forEach(t -> keepHeaviest(t, allStarts, allDocs, allCounts, stats));
            byCause = first(causes, perTag);
            byComponent = first(components, perTag);
            byOrganisation = first(organisations, perTag);
            sameWeek = sameWeek(profiles);
        }

        /** For each dated incident, up to {@link #WEEK_CANDIDATES} others at most a week apart, nearest first. */
        private static int[][] sameWeek(List<Profile> profiles) {
            Integer[] byDate = IntStream.range(0, profiles.size()).filter(d -> profiles.get(d).day != Long.MIN_VALUE)
                    .boxed().sorted(Comparator.<Integer>comparingLong(d -> profiles.get(d).day).thenComparingInt(d -> d))
                    .toArray(Integer[]::new);
            int[][] out = new int[profiles.size()][];
            Arrays.fill(out, new int[0]);
            for (int at = 0; at < byDate.length; at++) {
                long day = profiles.get(byDate[at]).day;
                IntStream.Builder near = IntStream.builder();
                int before = at - 1;
                int after = at + 1;
                for (int kept = 0; kept < WEEK_CANDIDATES; kept++) {
                    long back = before >= 0 ? day - profiles.get(byDate[before]).day : Long.MAX_VALUE;
                    long ahead = after < byDate.length ? profiles.get(byDate[after]).day - day : Long.MAX_VALUE;
                    if (Math.min(back, ahead) > WEEK_DAYS) break;
                    near.add(back <= ahead ? byDate[before--] : byDate[after++]);
                }
                out[byDate[at]] = near.build().toArray();
            }
            return out;
        }

        private void keepHeaviest(int term, int[] allStarts, int[] allDocs, int[] allCounts, TextStats stats) {
            int from = allStarts[term];
            int size = allStarts[term + 1] - from;
            if (size <= CANDIDATES_PER_TERM) {
                System.arraycopy(allDocs, from, docs, starts[term], size);
                System.arraycopy(allCounts, from, counts, starts[term], size);
                return;
            }
            // idf is the term's own, so a posting's weight in its text is count / (count + norm). The heaviest
            // postings, ties in incident order: every one heavier than the CANDIDATES_PER_TERM-th weight, then the
            // first ones of that weight (what sorting them all by weight, then by incident, and taking the first
            // ones gave, at the cost of sorting numbers rather than boxed ones by a comparator)
            double[] weights = new double[size];
            for (int i = 0; i < size; i++) {
                int count = allCounts[from + i];
                weights[i] = count / (count + stats.norms[allDocs[from + i]]);
            }
            double[] sorted = weights.clone();
            Arrays.sort(sorted);
            double last = sorted[size - CANDIDATES_PER_TERM];
            int heavier = size - CANDIDATES_PER_TERM;
            while (heavier < size && Double.compare(sorted[heavier], last) == 0) heavier++;
            int ofLastWeight = CANDIDATES_PER_TERM - (size - heavier); // of the last weight, the first ones
            int at = starts[term];
            for (int i = 0; i < size; i++) {
                int byWeight = Double.compare(weights[i], last);
                if (byWeight > 0 || (byWeight == 0 && ofLastWeight-- > 0)) {
                    docs[at] = allDocs[from + i];
                    counts[at++] = allCounts[from + i];
                }
            }
        }

        private static Map<String, int[]> first(Map<String, IntStream.Builder> lists, int size) {
            Map<String, int[]> out = new HashMap<>();
            lists.forEach((key, docs) -> out.put(key, docs.build().limit(size).toArray()));
            return out;
        }
    }

    /**
     * One thread's scores of every incident for the query at hand. Only the incidents a query touched are reset
     * after it, so a query costs the length of its postings, not the size of the library.
     */
    private static final class Scores {
        private final double[] score;
        private final boolean[] touched;
        private final boolean[] constantAdded;
        private final int[] hits;
        private int hitCount;

        Scores(int size) {
            score = new double[size];
            touched = new boolean[size];
            constantAdded = new boolean[size];
            hits = new int[size];
        }

        void add(int doc, double value) {
            if (!touched[doc]) {
                touched[doc] = true;
                hits[hitCount++] = doc;
            }
            score[doc] += value;
        }

        /** A constant-score clause: {@code value} once per incident, however many of the clause's lists hold it. */
        void addOnce(int[][] lists, double value) {
            for (int[] docs : lists) {
                for (int doc : docs) {
                    if (constantAdded[doc]) continue;
                    constantAdded[doc] = true;
                    add(doc, value);
                }
            }
            for (int[] docs : lists) for (int doc : docs) constantAdded[doc] = false;
        }

        /** The {@code k} best-scoring incidents other than {@code self}, best first, ties by incident order; resets. */
        int[] top(int k, int self) {
            int[] best = new int[k];
            int kept = 0;
            for (int h = 0; h < hitCount; h++) {
                int doc = hits[h];
                // best[] stays sorted; a hit goes in only if it beats the last one kept (or there is room)
                if (kept == k) {
                    int byScore = Float.compare((float) score[doc], (float) score[best[k - 1]]);
                    if (byScore < 0 || (byScore == 0 && doc > best[k - 1])) continue;
                }
                int at = kept < k ? kept++ : k - 1;
                while (at > 0 && better(doc, best[at - 1])) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = doc;
            }
            for (int h = 0; h < hitCount; h++) {
                score[hits[h]] = 0;
                touched[hits[h]] = false;
            }
            hitCount = 0;
            return java.util.Arrays.stream(best, 0, kept).filter(doc -> doc != self).toArray();
        }

        private boolean better(int doc, int than) {
            int byScore = Float.compare((float) score[doc], (float) score[than]);
            return byScore > 0 || (byScore == 0 && doc < than);
        }
    }

    /** One incident's query terms (best first), its score against itself, and the incidents its query proposes. */
    private record Candidates(int[] terms, double self, int[] docs) {

        /** t(this → other) in [0, 1] from the other's score for these terms: over this incident's own. */
        double textTo(double otherScore) {
            if (self <= 0) return 0;
            double t = Math.clamp(otherScore / self, 0, 1);
            return t < 1e-9 ? 0 : t;
        }

        /** t(this → other) of the other whose term counts are {@code counts} (by term) and whose norm is {@code norm}. */
        double textTo(int[] counts, double norm, TextStats stats) {
            if (self <= 0) return 0;
            double sum = 0;
            for (int term : terms) {
                int count = counts[term];
                if (count == 0) continue;
                sum += stats.idfs[term] * count / (count + norm);
            }
            return textTo(sum);
        }
    }

    /** Candidates scored exactly per incident: enough that the best {@code limit} of the final score are among them. */
    private static int candidatesWanted(int limit) {
        return 4 * limit + 10;
    }

    /**
     * The incidents that score best for this one's distinctive terms, cause tags, components, organisation and week:
     * BM25 over the postings of those terms plus the others as constants on the scale of the text score, so that
     * the candidates are roughly the ones the final score ranks first. This is the query a search engine would run
     * (and pmkb ran with Lucene); the postings are in memory already, and the scores are summed directly.
     */
    private static Candidates candidates(int doc, List<Profile> profiles, Postings postings, TextStats stats,
                                         Scores scores, int limit) {
        Profile a = profiles.get(doc);
        int[] terms = a.distinctiveTerms(stats);
        double self = stats.score(terms, a);
        for (int term : terms) {
            double idf = stats.idfs[term];
            for (int at = postings.starts[term], end = postings.starts[term + 1]; at < end; at++) {
                int other = postings.docs[at];
                int count = postings.counts[at];
                scores.add(other, idf * count / (count + stats.norms[other]));
            }
        }
        double scale = self > 0 ? self : 1;
        if (!a.causes.isEmpty()) {
            scores.addOnce(a.causes.stream().map(postings.byCause::get).toArray(int[][]::new),
                    scale * CAUSE_WEIGHT / TEXT_WEIGHT);
        }
        if (!a.components.isEmpty()) {
            scores.addOnce(a.components.keySet().stream().map(postings.byComponent::get).toArray(int[][]::new),
                    scale * COMPONENT_WEIGHT / TEXT_WEIGHT);
        }
        if (a.organisation != null) {
            scores.addOnce(new int[][]{postings.byOrganisation.get(a.organisation)},
                    scale * ORGANISATION_WEIGHT / TEXT_WEIGHT);
        }
        if (postings.sameWeek[doc].length > 0) {
            scores.addOnce(new int[][]{postings.sameWeek[doc]}, scale * WEEK_WEIGHT / TEXT_WEIGHT);
        }
        return new Candidates(terms, self, scores.top(candidatesWanted(limit), doc));
    }

    /**
     * The related incidents of one: its references and candidates scored and kept when a reason holds, best first.
     * {@code countsOfA} is a thread's array of zeros, one a term: this incident's term counts go in while its pairs
     * are scored (each candidate's query is looked up in it), and out again.
     */
    private static List<Related> related(int doc, List<Profile> profiles, List<Candidates> candidates,
                                         TextStats stats, References references,
                                         java.util.function.Function<String, String> causeNames, int limit,
                                         int[] countsOfA) {
        Profile a = profiles.get(doc);
        for (int k = 0; k < a.terms.length; k++) countsOfA[a.terms[k]] = a.counts[k];
        try {
            return related(doc, a, profiles, candidates, stats, references, causeNames, limit, countsOfA);
        } finally {
            for (int term : a.terms) countsOfA[term] = 0;
        }
    }

    private static List<Related> related(int doc, Profile a, List<Profile> profiles, List<Candidates> candidates,
                                         TextStats stats, References references,
                                         java.util.function.Function<String, String> causeNames, int limit,
                                         int[] countsOfA) {
        Candidates mine = candidates.get(doc);
        int[] referenced = references.of(doc); // ascending
        int[] proposed = mine.docs();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < referenced.length + proposed.length; i++) {
            boolean reference = i < referenced.length;
            int other = reference ? referenced[i] : proposed[i - referenced.length];
            if (!reference && Arrays.binarySearch(referenced, other) >= 0) continue; // a reference comes once, first
            Profile b = profiles.get(other);
            // t(a → b), and how many of a's query terms b uses that are meaningful for both, in one pass
            double sum = 0;
            int sharedTerms = 0;
            double normB = stats.norms[other];
            for (int term : mine.terms()) {
                int count = b.count(term);
                if (count == 0) continue;
                sum += stats.idfs[term] * count / (count + normB);
                if (stats.meaningful(term, a, b)) sharedTerms++;
            }
            double forward = mine.textTo(sum);
            // symmetric: a few words of a short text found in a long one do not make them alike
            double textScore = forward == 0 ? 0
                    : Math.sqrt(forward * candidates.get(other).textTo(countsOfA, stats.norms[doc], stats));
            boolean sharedCause = false;
            for (String slug : a.causes) sharedCause |= b.causes.contains(slug);
            boolean sharedComponent = false;
            for (String key : a.components.keySet()) sharedComponent |= b.components.containsKey(key);
            boolean sameOrganisation = a.organisation != null && a.organisation.equals(b.organisation);
            long days = a.day == Long.MIN_VALUE || b.day == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(a.day - b.day);
            boolean sameWeek = days <= WEEK_DAYS;
            boolean context = sharedComponent || sameOrganisation;
            boolean holds = sharedCause || (sameWeek && context)
                    || (textScore >= MIN_TEXT_ALONE && (sharedTerms >= MIN_SHARED_TERMS
                    || (sharedTerms >= 1 && titleWord(a, b, stats))))
                    || (textScore >= MIN_TEXT_IN_CONTEXT && sharedTerms >= 1 && context);
            int refers = references.refers(doc, other) ? 1 : references.refers(other, doc) ? -1 : 0;
            if (refers == 0 && !holds) continue;
            List<String> sharedCauses = new ArrayList<>(1);
            for (String slug : a.causes) if (b.causes.contains(slug)) sharedCauses.add(slug);
            List<String> sharedComponents = new ArrayList<>(1);
            for (String key : a.components.keySet()) if (b.components.containsKey(key)) sharedComponents.add(key);
            double cause = sharedCauses.isEmpty() ? 0
                    : a.causes.getFirst().equals(b.causes.getFirst()) ? 1 : SECONDARY_CAUSE;
            double score = TEXT_WEIGHT * textScore + CAUSE_WEIGHT * cause
                    + COMPONENT_WEIGHT * (sharedComponents.isEmpty() ? 0 : 1)
                    + ORGANISATION_WEIGHT * (sameOrganisation ? 1 : 0) + WEEK_WEIGHT * (sameWeek ? 1 : 0);
            if (refers != 0) score += 1; // what the author says comes first
            links.add(new Link(other, Math.round(score * 10_000) / 10_000.0, textScore, refers, sharedCauses,
                    sharedComponents, sameOrganisation ? b.organisationName : null, sameWeek ? days : -1));
        }
        links.sort((x, y) -> {
            int byScore = Double.compare(y.score(), x.score());
            return byScore != 0 ? byScore : profiles.get(x.doc()).id.compareTo(profiles.get(y.doc()).id);
        });
        List<Related> out = new ArrayList<>();
        for (Link link : links.subList(0, Math.min(limit, links.size()))) {
            Profile b = profiles.get(link.doc());
            List<String> reasons = new ArrayList<>();
            if (link.referenced() > 0) reasons.add("this write-up refers to it");
            if (link.referenced() < 0) reasons.add("its write-up refers to this one");
            for (String slug : link.causes()) reasons.add("same root cause: " + causeNames.apply(slug));
            if (!link.components().isEmpty()) {
                reasons.add("same component: " + String.join(", ",
                        link.components().stream().limit(2).map(a.components::get).toList()));
            }
            if (link.organisation() != null) reasons.add("same organisation: " + link.organisation());
            if (link.days() == 0) reasons.add("the same day");
            else if (link.days() > 0) reasons.add(link.days() + (link.days() == 1 ? " day apart" : " days apart"));
            // a word that names a shared component says nothing the component does not
            List<String> mentions = link.text() == 0 ? List.of() : a.mentions(mine.terms(), b, stats).stream()
                    .filter(m -> !link.components().contains(m.toLowerCase(Locale.ROOT))).toList();
            if (!mentions.isEmpty()) reasons.add("also mentions: " + String.join(", ", mentions));
            out.add(new Related(b.id, link.score(), reasons));
        }
        return List.copyOf(out);
    }

    /** Both authors name the same place or system in their titles ("… in NYC1"). */
    private static boolean titleWord(Profile a, Profile b, TextStats stats) {
        for (int term : a.titleTerms) if (contains(b.titleTerms, term) && stats.meaningful(term, a, b)) return true;
        return false;
    }

    private static boolean contains(int[] terms, int size, int term) {
        for (int i = 0; i < size; i++) if (terms[i] == term) return true;
        return false;
    }

    private static boolean contains(int[] terms, int term) {
        for (int t : terms) if (t == term) return true;
        return false;
    }

    private record Link(int doc, double score, double text, int referenced, List<String> causes,
                        List<String> components, String organisation, long days) {
    }

    /**
     * What one incident contributes: its failure text analysed, its causes and components. Token {@code i} is term
     * {@code tokenTerms[i]} at {@code positions[i]} (stop words leave gaps), found at {@code starts[i]} to
     * {@code ends[i]} in {@code text}; {@code terms} are its distinct terms in ascending number, {@code counts[k]}
     * how often {@code terms[k]} occurs. {@code bodyTerms} and {@code bodyCounts} are the same for the whole
     * write-up; {@code titleTerms} the author's title in order (empty when pmkb composed it); {@code day} the
     * incident's date as an epoch day, {@link Long#MIN_VALUE} when undated.
     */
    private record Profile(String id, String text, int[] tokenTerms, int[] positions, int[] starts, int[] ends,
                           int[] terms, int[] counts, int quantisedLength, List<String> causes,
                           Map<String, String> components, String organisation, String organisationName, long day,
                           int[] bodyTerms, int[] bodyCounts, int[] titleTerms, String fileKey) {

        /** The profile of incident {@code id} from its terms, whose words this relating numbers {@code numbers}. */
        static Profile of(String id, IncidentTerms read, int[] numbers) {
            int[] tokenTerms = numbered(read.tokens, numbers);
            int[][] distinct = distinct(read.tokens, numbers, read.ownWords);
            int[][] body = distinct(read.body, numbers, read.ownWords);
            int length = SmallFloat.byte4ToInt(SmallFloat.intToByte4(tokenTerms.length)); // as Lucene's norms keep it
            String organisationKey = read.organisation == null ? null : read.organisation.toLowerCase(Locale.ROOT);
            return new Profile(id, read.text, tokenTerms, read.positions, read.starts, read.ends, distinct[0],
                    distinct[1], length, read.causes, read.components, organisationKey, read.organisation, read.day,
                    body[0], body[1], numbered(read.title, numbers), read.fileKey);
        }

        /**
         * Distinct terms in ascending number and how often each occurs, of an incident's words {@code local} (below
         * {@code words}) that this relating numbers {@code numbers}: counted by the incident's own numbers, then only
         * the distinct ones sorted.
         */
        private static int[][] distinct(int[] local, int[] numbers, int words) {
            int[] counts = new int[words];
            int distinct = 0;
            for (int word : local) if (counts[word]++ == 0) distinct++;
            long[] numbered = new long[distinct];
            int at = 0;
            for (int word = 0; word < words; word++) {
                if (counts[word] > 0) numbered[at++] = (long) numbers[word] << 32 | counts[word];
            }
            Arrays.sort(numbered);
            int[] terms = new int[distinct];
            int[] termCounts = new int[distinct];
            int kept = 0;
            for (long term : numbered) {
                // two words of one incident are two terms; kept words that repeat one (damaged) count as one
                if (kept > 0 && terms[kept - 1] == (int) (term >>> 32)) {
                    termCounts[kept - 1] += (int) term;
                } else {
                    terms[kept] = (int) (term >>> 32);
                    termCounts[kept++] = (int) term;
                }
            }
            return kept == distinct ? new int[][]{terms, termCounts}
                    : new int[][]{Arrays.copyOf(terms, kept), Arrays.copyOf(termCounts, kept)};
        }

        int count(int term) {
            int at = Arrays.binarySearch(terms, term);
            return at < 0 ? 0 : counts[at];
        }

        int bodyCount(int term) {
            int at = Arrays.binarySearch(bodyTerms, term);
            return at < 0 ? 0 : bodyCounts[at];
        }

        boolean has(int term) {
            return Arrays.binarySearch(terms, term) >= 0;
        }

        /**
         * Meaningful terms by tf × idf, best first, then by term: the ones that say what this failure was. Terms no
         * other incident has cannot say why two incidents are alike.
         */
        int[] distinctiveTerms(TextStats stats) {
            int docCount = stats.docCount;
            record Weighted(int id, String term, double weight) {
            }
            List<Weighted> weighted = new ArrayList<>();
            for (int k = 0; k < terms.length; k++) {
                int docFreq = stats.docFreqs[terms[k]];
                if (docFreq < 2 || docFreq >= docCount || !stats.meaningful(terms[k], this)) continue;
                double idf = Math.log((double) docCount / docFreq);
                weighted.add(new Weighted(terms[k], stats.terms.word(terms[k]), Math.sqrt(counts[k]) * idf));
            }
            return weighted.stream()
                    .sorted(Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term))
                    .limit(QUERY_TERMS).mapToInt(Weighted::id).toArray();
        }

        /**
         * Up to {@link #MENTIONS} readable words or two-word phrases both texts use and both find meaningful, from
         * this incident's text and in order of distinctiveness: "max connections", "pool size".
         */
        List<String> mentions(int[] distinctive, Profile other, TextStats stats) {
            // a query's terms are distinct, and a few: arrays searched from end to end are the sets
            int[] shared = new int[distinctive.length];
            int sharedCount = 0;
            for (int term : distinctive) {
                if (other.has(term) && stats.meaningful(term, this, other)) shared[sharedCount++] = term;
            }
            List<String> out = new ArrayList<>();
            int[] used = new int[2 * sharedCount];
            int usedCount = 0;
            for (int k = 0; k < sharedCount; k++) {
                int term = shared[k];
                if (contains(used, usedCount, term) || out.size() >= MENTIONS) continue;
                String phrase = null;
                for (int i = 0; i < tokenTerms.length && phrase == null; i++) {
                    if (tokenTerms[i] != term) continue;
                    for (int j : new int[]{i - 1, i + 1}) {
                        if (j < 0 || j >= tokenTerms.length) continue;
                        int first = Math.min(i, j);
                        int second = Math.max(i, j);
                        int partner = tokenTerms[j];
                        if (positions[second] != positions[first] + 1 || contains(used, usedCount, partner)
                                || !(contains(shared, sharedCount, partner)
                                || (other.has(partner) && stats.phrasePart(partner)))) {
                            continue;
                        }
                        String between = text.substring(ends[first], starts[second]);
                        if (SPACES_OR_HYPHENS.matcher(between).matches()
                                && other.adjacent(tokenTerms[first], tokenTerms[second])) {
                            phrase = readable(text.substring(starts[first], ends[second]));
                            used[usedCount++] = partner;
                            break;
                        }
                    }
                }
                used[usedCount++] = term;
                String mention = phrase != null ? phrase : surface(term, stats.terms);
                if (!out.contains(mention)) out.add(mention);
            }
            return out;
        }

        private boolean adjacent(int first, int second) {
            if (!has(first) || !has(second)) return false;
            for (int i = 0; i + 1 < tokenTerms.length; i++) {
                if (tokenTerms[i] == first && positions[i + 1] == positions[i] + 1 && tokenTerms[i + 1] == second) {
                    return true;
                }
            }
            return false;
        }

        /** The most frequent way this text writes a term (alphabetically first on ties). */
        private String surface(int term, Terms dictionary) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < tokenTerms.length; i++) {
                if (tokenTerms[i] == term) counts.merge(readable(text.substring(starts[i], ends[i])), 1, Integer::sum);
            }
            return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                    .orElse(dictionary.word(term));
        }

        /** Sentence-initial capitals are lowered ("Connections" → "connections"); "MySQL", "DNS" stay. */
        private static String readable(String surface) {
            // a word holds no space: only a phrase needs its spaces made one (a pattern per word was a tenth of relating)
            String flat = surface;
            for (int i = 0; i < surface.length(); i++) {
                if (space(surface.charAt(i))) {
                    flat = SPACES.matcher(surface).replaceAll(" ");
                    break;
                }
            }
            if (flat.length() < 2 || !Character.isUpperCase(flat.charAt(0))) return flat;
            for (int i = 1; i < flat.length(); i++) if (Character.isUpperCase(flat.charAt(i))) return flat;
            return flat.toLowerCase(Locale.ROOT);
        }
    }

    /** What {@code \\s} matches: a space, a tab, a line break, a vertical tab or a form feed. */
    private static boolean space(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** An incident's words ({@code local}, numbered within it) as this relating numbers them. */
    private static int[] numbered(int[] local, int[] numbers) {
        int[] out = new int[local.length];
        for (int i = 0; i < local.length; i++) out[i] = numbers[local[i]];
        return out;
    }

    /** The same, with -1 for a word no text of the library uses: link names and the words before cues. */
    private static int[] known(int[] local, int[] numbers, Terms terms) {
        int[] out = new int[local.length];
        for (int i = 0; i < local.length; i++) out[i] = terms.known(numbers[local[i]]);
        return out;
    }

    /**
     * Which write-ups refer to which others, as their authors wrote it: a link to the other's file, or to a file
     * named with its title ({@code PM2019-009 - Kubernetes network infrastructure IP starvation.md}); its title
     * (three words or more) in the text, unless many write-ups use the same words; "see separate post-mortem" after words
     * that name most of its title's weight. Each write-up is read once, and each title is looked up by its
     * first two words, so finding them costs a pass over the write-ups.
     */
    private static final class References {
        private final int[][] out;
        private final int[][] either;

        private References(int[][] out) {
            this.out = out;
            List<Set<Integer>> both = new ArrayList<>();
            for (int[] targets : out) both.add(new java.util.TreeSet<>(Arrays.stream(targets).boxed().toList()));
            for (int from = 0; from < out.length; from++) for (int to : out[from]) both.get(to).add(from);
            this.either = both.stream().map(set -> set.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
        }

        /** The write-ups this one refers to and those that refer to it. */
        int[] of(int doc) {
            return either[doc];
        }

        boolean refers(int from, int to) {
            for (int doc : out[from]) if (doc == to) return true;
            return false;
        }

        static References find(IncidentTerms[] read, int[][] numbers, List<Profile> profiles, TextStats stats) {
            int n = read.length;
            Map<Long, List<Integer>> byOpening = new HashMap<>();
            Map<Integer, List<Integer>> byTitleTerm = new HashMap<>();
            Map<String, List<Integer>> byFile = new HashMap<>();
            for (int doc = 0; doc < n; doc++) {
                Profile p = profiles.get(doc);
                if (p.titleTerms.length >= 2) {
                    byOpening.computeIfAbsent(pair(p.titleTerms[0], p.titleTerms[1]), k -> new ArrayList<>()).add(doc);
                    for (int term : Arrays.stream(p.titleTerms).distinct().toArray()) {
                        byTitleTerm.computeIfAbsent(term, k -> new ArrayList<>()).add(doc);
                    }
                }
                if (!p.fileKey.isEmpty()) byFile.computeIfAbsent(p.fileKey, k -> new ArrayList<>()).add(doc);
            }
            // a title that opens many others' titles, or a word in many titles, points at none of them
            byOpening.values().removeIf(docs -> docs.size() > WEEK_CANDIDATES);
            byTitleTerm.values().removeIf(docs -> docs.size() > CANDIDATES_PER_TERM / 4);
            // most words open no title: they are passed over without a lookup
            boolean[] opens = new boolean[stats.terms.size()];
            for (long key : byOpening.keySet()) opens[(int) (key >>> 32)] = true;
            Openings openings = new Openings(byOpening, opens);
            List<Set<Integer>> linked = IntStream.range(0, n).parallel()
                    .mapToObj(doc -> linkedFiles(doc, read[doc], numbers[doc], profiles, openings, byFile, stats))
                    .toList();
            List<Set<Integer>> named = IntStream.range(0, n).parallel()
                    .mapToObj(doc -> namedTitles(doc, numbered(read[doc].body, numbers[doc]), profiles, openings, 3))
                    .toList();
            List<Set<Integer>> cued = IntStream.range(0, n).parallel()
                    .mapToObj(doc -> cuedTitles(doc, read[doc], numbers[doc], profiles, byTitleTerm, stats))
                    .toList();
            int[] namedBy = new int[n];
            for (Set<Integer> targets : named) for (int target : targets) namedBy[target]++;
            int[][] out = new int[n][];
            for (int doc = 0; doc < n; doc++) {
                Set<Integer> all = new java.util.TreeSet<>(linked.get(doc));
                for (int target : named.get(doc)) if (namedBy[target] <= MAX_MENTIONERS) all.add(target);
                all.addAll(cued.get(doc));
                all.remove(doc);
                out[doc] = all.stream().mapToInt(Integer::intValue).toArray();
            }
            return new References(out);
        }

        /** Titles by their first two terms, and which terms open one. */
        private record Openings(Map<Long, List<Integer>> byPair, boolean[] opens) {
            List<Integer> titles(int first, int second) {
                return first < 0 || !opens[first] ? null : byPair.get(pair(first, second));
            }
        }

        private static long pair(int first, int second) {
            return ((long) first << 32) | (second & 0xffffffffL);
        }

        /** Incidents whose title runs, word for word, somewhere in {@code tokens}, titles of at least {@code min} words. */
        private static Set<Integer> namedTitles(int doc, int[] tokens, List<Profile> profiles, Openings openings,
                                                int min) {
            Set<Integer> out = new LinkedHashSet<>();
            int[] own = profiles.get(doc).titleTerms;
            for (int i = 0; i + 1 < tokens.length; i++) {
                List<Integer> docs = openings.titles(tokens[i], tokens[i + 1]);
                if (docs == null) continue;
                for (int other : docs) {
                    int[] title = profiles.get(other).titleTerms;
                    if (other == doc || title.length < min || i + title.length > tokens.length) continue;
                    // a write-up whose own title holds the other's names itself, not the other
                    if (contains(own, title)) continue;
                    if (Arrays.equals(tokens, i, i + title.length, title, 0, title.length)) out.add(other);
                }
            }
            return out;
        }

        private static boolean contains(int[] haystack, int[] needle) {
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) return true;
            }
            return false;
        }

        /** Markdown files the write-up links to: by file name, or by a title the file name holds. */
        private static Set<Integer> linkedFiles(int doc, IncidentTerms read, int[] numbers, List<Profile> profiles,
                                                Openings openings, Map<String, List<Integer>> byFile,
                                                TextStats stats) {
            Set<Integer> out = new LinkedHashSet<>();
            for (int link = 0; link < read.links.size(); link++) {
                List<Integer> byName = byFile.get(read.links.get(link));
                if (byName != null && byName.size() == 1) {
                    out.add(byName.getFirst());
                    continue;
                }
                out.addAll(namedTitles(doc, known(read.linkNames[link], numbers, stats.terms), profiles, openings, 2));
            }
            out.remove(doc);
            return out;
        }

        /**
         * "(see separate post-mortem)" in a line about a Kubernetes pipeline that reverted infrastructure: the
         * incident whose title the line names most of (by weight of its words, two words at least), the nearest in
         * time and then the first by id on ties.
         */
        private static Set<Integer> cuedTitles(int doc, IncidentTerms read, int[] numbers, List<Profile> profiles,
                                               Map<Integer, List<Integer>> byTitleTerm, TextStats stats) {
            Set<Integer> out = new LinkedHashSet<>();
            for (int[] cue : read.cues) {
                int[] before = known(cue, numbers, stats.terms);
                // the nearer a word to the cue, the likelier it says what the other write-up is about; words in the
                // order the text first uses them, so that the weights below add up the same way in every run
                Map<Integer, Double> nearness = new LinkedHashMap<>();
                for (int i = 0; i < before.length; i++) {
                    if (before[i] >= 0) nearness.put(before[i], Math.pow(CUE_DECAY, before.length - 1 - i));
                }
                Set<Integer> words = nearness.keySet();
                Map<Integer, Double> weight = new HashMap<>();
                for (int term : words) {
                    for (int other : byTitleTerm.getOrDefault(term, List.of())) {
                        if (other != doc) weight.merge(other, stats.writeUpIdf(term) * nearness.get(term), Double::sum);
                    }
                }
                Profile self = profiles.get(doc);
                weight.entrySet().stream()
                        .filter(e -> {
                            int[] title = Arrays.stream(profiles.get(e.getKey()).titleTerms).distinct().toArray();
                            long shared = Arrays.stream(title).filter(words::contains).count();
                            double whole = Arrays.stream(title).mapToDouble(stats::writeUpIdf).sum();
                            double named = Arrays.stream(title).filter(words::contains)
                                    .mapToDouble(stats::writeUpIdf).sum();
                            return shared >= 2 && named >= whole / 2;
                        })
                        .max(Comparator.<Map.Entry<Integer, Double>>comparingDouble(Map.Entry::getValue)
                                .thenComparing(e -> -distance(self, profiles.get(e.getKey())))
                                .thenComparing(e -> -e.getKey()))
                        .ifPresent(e -> out.add(e.getKey()));
            }
            return out;
        }

        private static long distance(Profile a, Profile b) {
            return a.day == Long.MIN_VALUE || b.day == Long.MIN_VALUE ? Long.MAX_VALUE / 2 : Math.abs(a.day - b.day);
        }
    }
}
