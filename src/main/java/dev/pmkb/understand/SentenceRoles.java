package dev.pmkb.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The role a sentence plays in a postmortem's story of its cause: it states the cause, tells of the fix or the
 * investigation, or names a hypothesis that was ruled out. The same words ("deployed", "certificate", "DNS")
 * mean a cause in one role and nothing in another.
 */
final class SentenceRoles {

    enum Role {
        /** "was caused by", "the root cause was", "due to", "because". */
        CAUSE(2.0),
        /** A sentence of the root-cause story without a marker. */
        NEUTRAL(1.0),
        /** "We checked the logs", "escalated to the database team". */
        INVESTIGATION(0.4),
        /** "The fix was deployed", "permissions were limited", "we restarted nginx". */
        FIX(0.15),
        /** "We suspected DNS", "a misleading path", "was not the cause". */
        RULED_OUT(0.0);

        final double weight;

        Role(double weight) {
            this.weight = weight;
        }
    }

    /** A part of a sentence with its own role: "we suspected DNS" | "but it turned out the disk was full". */
    record Clause(String text, Role role) {
    }

    /** Long lines are cut: a sentence longer than this is a paragraph without full stops. */
    private static final int MAX_SENTENCE = 2000;
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?;])\\s+|\\s*\\n\\s*");
    /** Where a sentence turns from what was thought to what was found. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?i)(?<=[,;:)]|\\s)(?=(?:but|however|instead|actually|yet|whereas|turn(?:ed|s) out)\\b)");

    private static final Pattern RULED_OUT = Pattern.compile("(?i)\\b(?:suspect\\w*|initially|at first|first thought"
            + "|assum(?:ed|ing|ption)|hypothes\\w*|misleading|mislead|red herring|ruled? out|ruling out|false (?:lead|alarm|trail)"
            + "|dead end|chas(?:ed|ing)|speculat\\w*|(?:we|team|engineers?|i|they) (?:thought|believed|considered|wondered|guessed)"
            + "|was not (?:the|a|an|related|responsible|caused|due)|wasn t|were not (?:the|responsible|related|caused)"
            + "|not the (?:root )?cause|no evidence|eliminated|looked like|seemed to be|appeared to be)\\b");
    private static final Pattern CAUSE = Pattern.compile("(?i)\\b(?:caused by|causes? (?:was|is|were|of|being)"
            + "|root[- ]?causes?|due to|traced (?:back )?to|because|result(?:ed|s|ing)? from|as a result of"
            + "|stem(?:med|s|ming)? from|originat\\w* (?:from|in|with)|triggered by|attributed to|culprit"
            + "|responsible for|the reason|owing to|turn(?:ed|s) out|it was found|we found|we discovered"
            + "|(?:was|were) identified as|(?:issue|problem|outage|failure|incident|error) (?:was|were) (?:a|an|the)"
            + "|led to|leading to|resulted in|caused|causing|stemming|introduced"
            // the adverbs that blame an action: "an accidental execution of…", "was mistakenly deleted"
            + "|accidental(?:ly)?|mistakenly|by mistake|inadvertent(?:ly)?|unintentional(?:ly)?|unintended)\\b");
    private static final Pattern FIX = Pattern.compile("(?i)^\\W*(?:\\d{1,2}[:.h]\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\W*)?(?:to (?:resolve|fix|address|mitigate|restore|remedy"
            + "|prevent|avoid)|we (?:fixed|resolved|restored|restarted|rolled|reverted|applied|increased|added"
            + "|implemented|corrected|replaced|patched|limited|manually|rebooted|cleared|removed|scaled|moved|renewed"
            + "|reconfigured|adjusted|then|quickly|immediately)|the (?:fix|solution|resolution|remedy|workaround)"
            + "|fix(?:ed|ing)?|resolv\\w*|restor\\w*|correct(?:ed|ing)|repair(?:ed|ing)|finally"
            + "|roll(?:ed|ing) back|revert(?:ed|ing)|restart(?:ed|ing)|reboot(?:ed|ing)|patch(?:ed|ing)|rebuil[dt]\\w*|resolution|solution|fix|remediation|mitigation)\\b"
            + "|\\b(?:was|were|has been|have been|got) (?:resolved|fixed|restored|mitigated|patched|corrected|rolled back"
            + "|reverted|restarted|rebooted|renewed|increased|limited|added|replaced|cleared|freed)\\b"
            + "|\\b(?:fix|patch|hotfix|solution|clones?|replicas?|workaround|update to fix)\\w* (?:was|were|has been|is) (?:deployed|applied|released|rolled out)\\b"
            + "|\\b(?:hotfix|workaround|going forward|in the future|moving forward|to prevent|will (?:be|add|implement|set up)"
            + "|we plan|corrective|preventive|preventative|to avoid)\\b");
    private static final Pattern INVESTIGATION = Pattern.compile("(?i)\\b(?:investigat\\w*|checked|checking|examin\\w*"
            + "|look(?:ed|ing) (?:at|into)|inspect(?:ed|ing)|review(?:ed|ing)|debugg\\w*|troubleshoot\\w*|escalat\\w*"
            + "|diagnos(?:ed|ing)|analy[sz](?:ed|ing)|(?:we|team) (?:began|started))\\b");
    /** Fix words that tell the cause: rolling a release back says the release was bad. */
    private static final Pattern FIX_TELLS_CAUSE = Pattern.compile("\\brevert|\\brolled back|\\brollback|\\broll back");
    /** Where a ruled-out statement ends and the finding begins: "It was not DNS: a firewall rule blocked 443". */
    private static final Pattern NEGATED = Pattern.compile("(?i)\\b(?:not|no|never|wasn t|isn t|weren t)\\b[^:;]*[:;]");
    private static final Pattern LABEL_BREAK = Pattern.compile("(?<=[:;])\\s+");

    private SentenceRoles() {
    }

    /** The text cut into sentences and lines, none longer than {@link #MAX_SENTENCE}. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_BREAK.split(text)) {
            String t = s.strip();
            if (t.isEmpty()) continue;
            for (int i = 0; i < t.length(); i += MAX_SENTENCE) out.add(t.substring(i, Math.min(t.length(), i + MAX_SENTENCE)));
        }
        return out;
    }

    /** The sentence cut where it turns ("but", "however", "turned out"), each part with its role. */
    static List<Clause> clauses(String sentence) {
        List<Clause> out = new ArrayList<>();
        for (Part p : parts(sentence)) out.add(new Clause(p.text(), p.role()));
        return out;
    }

    /**
     * The parts {@link #clauses} cuts a sentence into, each reading its role only when asked: most parts name no
     * cause, and their role is never needed. Only the ruled-out test is made at once, as it decides the cuts.
     */
    static List<Part> parts(String sentence) {
        List<Part> out = new ArrayList<>();
        for (String part : CLAUSE_BREAK.split(sentence)) {
            if (part.isBlank()) continue;
            if (!RULED_OUT.matcher(part).find()) {
                out.add(new Part(part, null, false));
                continue;
            }
            // "It was not DNS: a firewall rule…" turns at the colon; "Initial hypothesis: a DDoS" does not.
            String[] pieces = NEGATED.matcher(part).find() ? LABEL_BREAK.split(part) : new String[] {part};
            out.add(new Part(pieces[0], Role.RULED_OUT, false));
            for (int i = 1; i < pieces.length; i++) out.add(new Part(pieces[i], null, true));
        }
        return out;
    }

    /** A clause whose role is read on the first call of {@link #role()}. */
    static final class Part {
        private final String text;
        private Role role;
        /** False when the part is known not to be ruled out, so that test need not be made again. */
        private final boolean mayBeRuledOut;

        Part(String text, Role role, boolean mayBeRuledOut) {
            this.text = text;
            this.role = role;
            this.mayBeRuledOut = mayBeRuledOut;
        }

        String text() {
            return text;
        }

        Role role() {
            if (role == null) role = mayBeRuledOut ? roleOf(text) : roleOfNotRuledOut(text);
            return role;
        }
    }

    static Role roleOf(String clause) {
        if (RULED_OUT.matcher(clause).find()) return Role.RULED_OUT;
        return roleOfNotRuledOut(clause);
    }

    /** {@link #roleOf} of a clause {@link #RULED_OUT} does not match. */
    private static Role roleOfNotRuledOut(String clause) {
        if (CAUSE.matcher(clause).find()) return Role.CAUSE;
        if (FIX.matcher(clause).find()) return Role.FIX;
        if (INVESTIGATION.matcher(clause).find()) return Role.INVESTIGATION;
        return Role.NEUTRAL;
    }

    /** What was fixed names what was broken: "corrected the misconfiguration", "patched the memory leak". */
    private static final Set<String> REPAIR_VERBS = Set.of("correct", "corrected", "fix", "fixed", "fixing", "correcting",
            "repair", "repaired", "patch", "patched", "patching", "removed");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "our", "this", "that", "it", "their");

    /**
     * True when the hit at {@code word} is the object of a repair ("fixed the typo", "corrected the load balancer's
     * misconfiguration"), within six words.
     */
    static boolean fixNamesCause(Words words, int word) {
        for (int i = Math.max(0, word - 6); i < word; i++) {
            if (REPAIR_VERBS.contains(words.get(i)) && i + 1 < words.size() && ARTICLES.contains(words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** True for a taxonomy phrase that names the cause even in a sentence about the fix. */
    static boolean fixImpliesCause(String phrase) {
        return FIX_TELLS_CAUSE.matcher(phrase).find();
    }
}
