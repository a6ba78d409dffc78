package dev.pmkb.understand;

import dev.pmkb.model.CauseEvidence;
import dev.pmkb.model.Causes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the root-cause tags of a postmortem the way a reviewer does: by the role each sentence plays. A sentence
 * that states the cause ("was caused by", "the root cause was", "due to") counts most; a sentence about the fix,
 * the investigation or a hypothesis that was ruled out counts little or not at all, although it may use the same
 * words. The root-cause section is read first, the summary next; the rest of the text only where a sentence states
 * a cause, or when nothing else named one. Every tag keeps the sentence that weighed most for it.
 */
final class CauseClassifier {

    static final String UNKNOWN = "unknown";

    /** More tags than this are noise from a long text, not a diagnosis. */
    private static final int MAX_TAGS = 4;
    /** The weight a tag needs: one plain sentence of a root-cause section, or a stated cause elsewhere. */
    private static final double THRESHOLD = 0.9;
    /** A tag far weaker than the strongest is a word in passing, not a cause the author states. */
    private static final double SHARE_OF_STRONGEST = 0.3;
    private static final int MAX_EVIDENCE = 300;
    /** With nothing above {@link #THRESHOLD}: the weight of one cause named in a fix or in passing. */
    private static final double FALLBACK_THRESHOLD = 0.4;
    /** A cause read from passing mentions is a guess; more than two would be noise. */
    private static final int FALLBACK_TAGS = 2;
    private static final String CONFIG_CHANGE = "config-change";
    /** Every match of {@link #CONFIG_FAULT} contains one of these. */
    private static final PlainText.Needles CONFIG_STEMS = new PlainText.Needles(List.of("conf", "cfg", "setting",
            "manifest", "file", ".y", ".ini", ".toml"));
    /** Tags a fault in a configuration is mistaken for: the code's bug, a release, a person's typo. */
    private static final Set<String> CONFIG_NOT = Set.of("software-bug", "bad-deploy", "human-error", "certificate-expiry");
    /**
     * "a typo in the nginx config", "an error in the SSL certificate file", "an update to the LB configuration",
     * "a configuration change was rolled out".
     */
    private static final Pattern CONFIG_FAULT = Pattern.compile("(?i)\\b(?:bug|typo|error|mistake|fault|flaw|change|changes"
            + "|update|updates|modification|edit|syntax error)s? (?:in|to|of) (?:the |our |a |an |its |their )?"
            + "(?:[\\w.-]+ ){0,3}(?:config\\w*|settings?|conf|cfg|conf file|manifests?|[\\w-]+\\.(?:conf|cfg|ya?ml|ini|toml)"
            + "|(?:[\\w-]+ )?file)\\b"
            // "a configuration change was rolled out", "the settings update": a release of configuration, not code
            + "|\\b(?:config(?:uration)?|settings?) (?:change|update|push|rollout|roll out|deploy\\w*)s?\\b");

    /** Where a sentence stands, and so how much the author means it as the cause. */
    enum Place {
        ROOT_CAUSE(1.0), SUMMARY(0.6), ELSEWHERE(0.45);

        final double weight;

        Place(double weight) {
            this.weight = weight;
        }
    }

    /** One piece of text and where it stood. */
    record Passage(String text, Place place) {
    }

    private final Vocabulary vocabulary;

    CauseClassifier(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Kinds read already (the root cause, the summary) or about the future, never the cause. The resolution is
     * read like the rest: a rollback there tells of a bad release.
     */
    private static final Set<SectionKind> NOT_CAUSE = EnumSet.of(SectionKind.ROOT_CAUSE,
            SectionKind.ROOT_CAUSE_AND_RESOLUTION, SectionKind.CORRECTIVE, SectionKind.TASKS, SectionKind.SUMMARY);
    /** Only the start of the remaining text is read for stated causes: a cause is stated early. */
    private static final int MAX_ELSEWHERE = 20_000;

    /**
     * The texts a cause is read from: the root-cause text, the summary and every other section that is not about
     * the fix. With no root-cause section, the summary is where the author states the cause.
     */
    static List<Passage> passages(String rootCause, String summary, List<Section> sections,
                                  Function<Section, String> textOf) {
        List<Passage> out = new ArrayList<>();
        out.add(new Passage(rootCause, Place.ROOT_CAUSE));
        out.add(new Passage(summary, rootCause == null ? Place.ROOT_CAUSE : Place.SUMMARY));
        int length = 0;
        for (Section s : sections) {
            if (NOT_CAUSE.contains(s.kind()) || s.parent() == SectionKind.SUMMARY || s.isEmpty()) continue;
            String text = textOf.apply(s);
            if (length + text.length() > MAX_ELSEWHERE) text = text.substring(0, Math.max(0, MAX_ELSEWHERE - length));
            length += text.length();
            out.add(new Passage(text, Place.ELSEWHERE));
            if (length >= MAX_ELSEWHERE) break;
        }
        return out;
    }

    /** Tags for the passages, primary first, each with its evidence; {@code unknown} when none states a cause. */
    Causes classify(List<Passage> passages) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        int order = 0;
        for (Passage p : passages) {
            if (p.text() == null || p.text().isBlank()) continue;
            for (String sentence : SentenceRoles.sentences(p.text())) {
                // Most sentences name no cause at all: their roles need not be read.
                boolean mayNameConfig = mayNameConfig(sentence);
                Words sentenceWords = null;
                List<PhraseIndex.Hit<String>> sentenceHits = null;
                if (!mayNameConfig) {
                    sentenceWords = Words.of(sentence);
                    sentenceHits = vocabulary.causePhrases().find(sentenceWords);
                    if (sentenceHits.isEmpty()) {
                        order++;
                        continue;
                    }
                }
                List<SentenceRoles.Part> parts = SentenceRoles.parts(sentence);
                for (SentenceRoles.Part clause : parts) {
                    // A sentence of one clause is read once: its words and hits are the sentence's.
                    boolean whole = sentenceWords != null && parts.size() == 1 && clause.text().equals(sentence);
                    Words words = whole ? sentenceWords : Words.of(clause.text());
                    boolean configFault = mayNameConfig && namesConfigFault(clause.text());
                    List<PhraseIndex.Hit<String>> hits = whole ? sentenceHits : vocabulary.causePhrases().find(words);
                    if (hits.isEmpty() && !configFault) {
                        // Nothing to weigh: the clause's role does not matter.
                        order++;
                        continue;
                    }
                    double weight = p.place().weight * clause.role().weight;
                    // Outside the cause and summary only a sentence that says "caused by" speaks of the cause;
                    // the others count only when nothing else names one.
                    boolean inPassing = p.place() == Place.ELSEWHERE && clause.role() != SentenceRoles.Role.CAUSE
                            && clause.role() != SentenceRoles.Role.FIX;
                    List<PhraseIndex.Hit<String>> exceptions = vocabulary.causeExceptions().find(words);
                    for (PhraseIndex.Hit<String> h : hits) {
                        if (h.label().equals(UNKNOWN) || h.isExceptedBy(exceptions)) continue;
                        // "A typo in the nginx config", "an update to the load balancer configuration": the
                        // configuration is what was wrong, not the code or a release.
                        if (configFault && CONFIG_NOT.contains(h.label())) continue;
                        double w = weight;
                        if (clause.role() == SentenceRoles.Role.FIX && (SentenceRoles.fixImpliesCause(h.phrase())
                                || SentenceRoles.fixNamesCause(words, h.word()))) {
                            w = p.place().weight * SentenceRoles.Role.NEUTRAL.weight;
                        }
                        Tally t = tallies.computeIfAbsent(h.label(), Tally::new);
                        if (inPassing) t.addInPassing(w, order, sentence);
                        else t.add(w, order, sentence);
                    }
                    if (configFault && !inPassing) {
                        tallies.computeIfAbsent(CONFIG_CHANGE, Tally::new).add(weight, order, sentence);
                    }
                    order++;
                }
            }
        }
        List<Tally> kept = new ArrayList<>();
        double strongest = 0;
        for (Tally t : tallies.values()) strongest = Math.max(strongest, t.weight);
        for (Tally t : tallies.values()) {
            if (t.weight >= THRESHOLD && t.weight >= strongest * SHARE_OF_STRONGEST) kept.add(t);
        }
        if (kept.isEmpty()) {
            // No sentence states a cause plainly: a cause named only in passing (the timeline's "corrected the
            // load balancer misconfiguration") still says more than "unknown".
            double strongestAtAll = 0;
            for (Tally t : tallies.values()) strongestAtAll = Math.max(strongestAtAll, t.weight + t.inPassing);
            for (Tally t : tallies.values()) {
                double all = t.weight + t.inPassing;
                if (all >= FALLBACK_THRESHOLD && all >= strongestAtAll * 0.5) kept.add(t);
            }
            kept.sort(Comparator.comparingDouble((Tally t) -> -(t.weight + t.inPassing)));
            if (kept.size() > FALLBACK_TAGS) kept = new ArrayList<>(kept.subList(0, FALLBACK_TAGS));
        }
        if (kept.isEmpty()) {
            return new Causes(List.of(UNKNOWN), true);
        }
        int total = Math.max(order, 1);
        Map<Tally, Double> rank = new HashMap<>();
        for (Tally t : kept) {
            int specificity = vocabulary.specificity().getOrDefault(t.slug, 2);
            double earliness = 1.0 - (double) t.first / total;
            rank.put(t, specificity * 10.0 + Math.min(t.weight, 6) * 1.5 + earliness * 4.0 + t.statedWeight * 3.0);
        }
        kept.sort(Comparator.comparingDouble((Tally t) -> -rank.get(t)).thenComparingInt(t -> t.first));
        if (kept.size() > MAX_TAGS) kept = kept.subList(0, MAX_TAGS);
        List<String> slugs = new ArrayList<>();
        List<CauseEvidence> evidence = new ArrayList<>();
        for (Tally t : kept) {
            slugs.add(t.slug);
            evidence.add(new CauseEvidence(t.slug, PlainText.clip(t.evidence.strip(), MAX_EVIDENCE)));
        }
        return new Causes(slugs, true, evidence);
    }

    /**
     * {@link #CONFIG_FAULT} tried only where one of its first words starts: every match starts with a fault
     * ("typo", "change") or with "config" or "setting".
     */
    private static final WordStartSearch CONFIG_FAULT_WORDS = new WordStartSearch(CONFIG_FAULT, List.of("bug", "typo",
            "error", "mistake", "fault", "flaw", "change", "changes", "update", "updates", "modification", "edit",
            "syntax error", "config(?:uration)?", "settings?"));

    /** {@code CONFIG_FAULT.matcher(clause).find()}. */
    static boolean namesConfigFault(String clause) {
        return CONFIG_FAULT_WORDS.find(clause);
    }

    /** False only when {@link #CONFIG_FAULT} cannot match: the sentence names no configuration, setting or file. */
    private static boolean mayNameConfig(String sentence) {
        return CONFIG_STEMS.anyIn(sentence);
    }

    /** What was found for one tag. */
    private static final class Tally {
        final String slug;
        double weight;
        /** Weight from sentences that state the cause: the primary is the cause the author states. */
        double statedWeight;
        int first = Integer.MAX_VALUE;
        String evidence = "";
        double evidenceWeight = -1;
        /** Weight from sentences elsewhere that name it without saying it was the cause. */
        double inPassing;

        Tally(String slug) {
            this.slug = slug;
        }

        void addInPassing(double w, int order, String sentence) {
            if (w <= 0) return;
            inPassing += w;
            if (order < first) first = order;
            if (evidenceWeight < 0) {
                evidenceWeight = 0;
                evidence = sentence;
            }
        }

        void add(double w, int order, String sentence) {
            if (w <= 0) return;
            weight += w;
            if (w >= 1.2) statedWeight = Math.min(statedWeight + 1, 2);
            if (order < first) first = order;
            if (w > evidenceWeight) {
                evidenceWeight = w;
                evidence = sentence;
            }
        }
    }
}
