package dev.pmkb.understand;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Maps a heading or label as written ("Issue Summary:", "*Timeline (all times in PST)*", "Corrective &
 * Preventive Measures") to a {@link SectionKind}. Matching is on lower-case words, so punctuation, emoji and
 * markup around the name do not matter.
 */
final class SectionNames {

    private record Name(SectionKind kind, Pattern words) {
    }

    // Order matters: the first match wins, so combined names come before their parts.
    private static final List<Name> NAMES = List.of(
            name(SectionKind.ROOT_CAUSE_AND_RESOLUTION,
                    "(?:the )?(?:root )?causes?(?: analysis)? (?:and )?(?:resolution|recovery|fix|fixes|solution|remediation)s?\\b.*"),
            name(SectionKind.ROOT_CAUSE,
                    "(?:the )?(?:root causes?|causes?|contributing factors?|trigger|what caused it|cause of the (?:outage|incident|issue))\\b.*"
                            + "|why (?:did )?(?:this|it|the (?:outage|incident|issue)) (?:happen|happened|occur|occurred)\\b.*"
                            + "|what (?:was|is|were) the (?:root )?causes?\\b.*"),
            name(SectionKind.SUMMARY,
                    "(?:(?:issue|incident|outage|executive|event|problem)s? )?(?:summary|overview|synopsis)\\b.*"
                            + "|summary of (?:the )?(?:issue|incident|outage)\\b.*|what happened\\b.*"
                            + "|(?:issue|incident|outage|problem) description\\b.*"),
            name(SectionKind.TIMELINE,
                    "(?:(?:the|our) )?(?:(?:incident|detailed|event|outage) )?(?:timeline|chronology|sequence of events)\\b.*"
                            + "|time ?line\\b.*|timeline of events\\b.*"),
            name(SectionKind.RESOLUTION,
                    "(?:resolution|recovery|resolution and recovery|mitigation|the fix|fix|solution"
                            + "|how (?:it|we|i|the issue) (?:was )?(?:resolved|fixed)(?: it)?)\\b.*"),
            name(SectionKind.TASKS,
                    "(?:(?:specific|concrete) )?(?:tasks?|todo|todos|to do|to dos|task list|todo list|action list)\\b.*"),
            name(SectionKind.CORRECTIVE,
                    "(?:corrective|preventa?tive|prevention|preventive|action items?|follow ups?|followups?|next steps"
                            + "|improvements?|remediation(?: steps| actions)?|things to (?:improve|fix)"
                            + "|what (?:can|could|will) be improved|measures)\\b.*"),
            name(SectionKind.LESSONS,
                    "(?:lessons?(?: learned| learnt)?|key takeaways|takeaways|learnings|what went well|what went wrong"
                            + "|where we got lucky)\\b.*"),
            name(SectionKind.IMPACT,
                    "(?:(?:user|customer|business|service) )?impacts?\\b(?! of the)(?: (?:assessment|analysis|and scope))?.*"
                            + "|what (?:was|is|were) the impacts?\\b.*"),
            name(SectionKind.DETECTION, "(?:detection|how (?:it|the issue) was detected)\\b.*"),
            name(SectionKind.DURATION, "(?:duration|outage duration|incident duration|outage window)\\b.*"),
            name(SectionKind.OTHER,
                    "(?:conclusion|final thoughts|closing|references|appendix|acknowledg\\w*|about the author"
                            + "|supporting information|background|introduction)\\b.*"));

    /** "h2 timeline" without its "h2 ": tested by hand, since kindOf runs for every line that may be a label. */
    private static String withoutStrayLevel(String words) {
        boolean level = words.length() > 3 && words.charAt(0) == 'h' && words.charAt(1) >= '1' && words.charAt(1) <= '6'
                && words.charAt(2) == ' ' && words.charAt(3) >= 'a' && words.charAt(3) <= 'z';
        return level ? words.substring(3) : words;
    }
    /** Headings longer than this are sentences, not section names. */
    private static final int MAX_WORDS = 9;

    private SectionNames() {
    }

    private static Name name(SectionKind kind, String regex) {
        return new Name(kind, Pattern.compile(regex));
    }

    /** Words that may follow a section name in a heading without making it a sentence. */
    private static final Pattern NAME_TAIL = Pattern.compile(
            "(?:\\s(?:of|and|&|for|to|the|this|incident|outage|issue|event|events|problem|analysis|measures|actions?"
                    + "|items?|steps|plan|recovery|resolution|preventative|preventive|corrective|learned|learnt|fixes"
                    + "|timeline|summary|details|all|times|in|utc|gmt|[a-z]{2,4}t|local|time|address|zone|[a-z]+ing))*");

    /**
     * True when {@code label} is nothing but a section name with heading words ("Root Cause and Resolution",
     * "Timeline (all times in UTC)"), as opposed to a sentence starting with one.
     */
    static boolean isWholeName(String label) {
        String words = PlainText.words(label.replaceAll("\\([^)]{0,60}\\)", " "));
        if (words.isEmpty()) return false;
        String[] w = words.split(" ");
        // Name words themselves are matched by kindOf; here every word must be a name or heading word.
        for (String word : w) {
            if (!NAME_TAIL.matcher(" " + word).matches() && !NAME_WORDS.contains(word)) return false;
        }
        return true;
    }

    private static final java.util.Set<String> NAME_WORDS = java.util.Set.of("root", "cause", "causes", "issue",
            "incident", "summary", "overview", "timeline", "chronology", "resolution", "recovery", "corrective",
            "preventative", "preventive", "prevention", "measures", "action", "actions", "items", "item", "tasks", "task",
            "todo", "lessons", "lesson", "learned", "learnt", "impact", "detection", "duration", "and", "of", "the",
            "conclusion", "follow", "up", "ups", "next", "steps", "improvements", "executive", "contributing", "factors",
            "takeaways", "key", "mitigation", "remediation", "to", "do", "outage", "event", "sequence", "events",
            "user", "customer", "fix", "why", "did", "this", "happen", "happened", "how", "i", "it", "was", "resolved",
            "fixed", "were", "is", "fixes", "solution", "analysis", "what", "went", "well", "wrong", "where", "we",
            "got", "lucky", "description", "things", "improve", "address", "background", "introduction", "references", "appendix",
            "final", "thoughts", "detailed", "list", "specific", "concrete", "short", "long", "term", "trigger");

    /** The kind named by {@code label}, or null when it names none. */
    static SectionKind kindOf(String label) {
        // "# h2 Timeline": the level of a heading typed out by an author who copied a Markdown cheat sheet.
        String words = withoutStrayLevel(PlainText.words(label));
        if (words.isEmpty() || words.length() > 120) return null;
        int count = words.split(" ").length;
        if (count > MAX_WORDS) return null;
        for (Name n : NAMES) {
            if (n.words().matcher(words).matches()) return n.kind();
        }
        return null;
    }
}
