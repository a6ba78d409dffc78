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
    /** Where a sentence turns from what was thought to what was found. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?i)(?<=[,;:)]|\\s)(?=(?:but|however|instead|actually|yet|whereas|turn(?:ed|s) out)\\b)");
    /** Every cut of {@link #CLAUSE_BREAK} stands before one of these: most sentences have none and are not cut. */
    private static final PlainText.Needles CLAUSE_WORDS = new PlainText.Needles(List.of("but", "however", "instead",
            "actually", "yet", "whereas", "turn"));

    /*
     * Each role is a search for words (WordStartSearch): tried only where a word starts with one of their
     * initials, which answers as the regex would at a fraction of the cost. The words are written as the
     * alternatives of {@code (?i)\b(?:...)\b}; SentenceRolesPropertyTest holds them to the single regexes
     * they were first written as.
     */
    private static final String THOUGHT = " (?:thought|believed|considered|wondered|guessed)";
    private static final WordStartSearch RULED_OUT = words(List.of("suspect\\w*", "initially", "at first",
            "first thought", "assum(?:ed|ing|ption)", "hypothes\\w*", "misleading", "mislead", "red herring",
            "ruled? out", "ruling out", "false (?:lead|alarm|trail)", "dead end", "chas(?:ed|ing)", "speculat\\w*",
            "we" + THOUGHT, "team" + THOUGHT, "engineers?" + THOUGHT, "i" + THOUGHT, "they" + THOUGHT,
            "was not (?:the|a|an|related|responsible|caused|due)", "wasn t", "were not (?:the|responsible|related|caused)",
            "not the (?:root )?cause", "no evidence", "eliminated", "looked like", "seemed to be", "appeared to be"),
            "\\b");
    private static final WordStartSearch CAUSE = words(List.of("caused by", "causes? (?:was|is|were|of|being)",
            "root[- ]?causes?", "due to", "traced (?:back )?to", "because", "result(?:ed|s|ing)? from", "as a result of",
            "stem(?:med|s|ming)? from", "originat\\w* (?:from|in|with)", "triggered by", "attributed to", "culprit",
            "responsible for", "the reason", "owing to", "turn(?:ed|s) out", "it was found", "we found", "we discovered",
            "was identified as", "were identified as",
            "issue (?:was|were) (?:a|an|the)", "problem (?:was|were) (?:a|an|the)", "outage (?:was|were) (?:a|an|the)",
            "failure (?:was|were) (?:a|an|the)", "incident (?:was|were) (?:a|an|the)", "error (?:was|were) (?:a|an|the)",
            "led to", "leading to", "resulted in", "caused", "causing", "stemming", "introduced",
            // the adverbs that blame an action: "an accidental execution of…", "was mistakenly deleted"
            "accidental(?:ly)?", "mistakenly", "by mistake", "inadvertent(?:ly)?", "unintentional(?:ly)?", "unintended"),
            "\\b");
    /** A clause that opens with the fix, after a time stamp perhaps: "10:40 we restarted nginx". */
    private static final Pattern FIX_OPENING = Pattern.compile("(?i)^\\W*(?:\\d{1,2}[:.h]\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\W*)?(?:to (?:resolve|fix|address|mitigate|restore|remedy"
            + "|prevent|avoid)|we (?:fixed|resolved|restored|restarted|rolled|reverted|applied|increased|added"
            + "|implemented|corrected|replaced|patched|limited|manually|rebooted|cleared|removed|scaled|moved|renewed"
            + "|reconfigured|adjusted|then|quickly|immediately)|the (?:fix|solution|resolution|remedy|workaround)"
            + "|fix(?:ed|ing)?|resolv\\w*|restor\\w*|correct(?:ed|ing)|repair(?:ed|ing)|finally"
            + "|roll(?:ed|ing) back|revert(?:ed|ing)|restart(?:ed|ing)|reboot(?:ed|ing)|patch(?:ed|ing)|rebuil[dt]\\w*|resolution|solution|fix|remediation|mitigation)\\b");
    private static final WordStartSearch FIX_DONE = words(List.of("was", "were", "has been", "have been", "got"),
            " (?:resolved|fixed|restored|mitigated|patched|corrected|rolled back"
            + "|reverted|restarted|rebooted|renewed|increased|limited|added|replaced|cleared|freed)\\b");
    private static final WordStartSearch FIX_RELEASED = words(List.of("fix", "patch", "hotfix", "solution", "clones?",
            "replicas?", "workaround", "update to fix"), "\\w* (?:was|were|has been|is) (?:deployed|applied|released|rolled out)\\b");
    private static final WordStartSearch FIX_PLANNED = words(List.of("hotfix", "workaround", "going forward",
            "in the future", "moving forward", "to prevent", "will (?:be|add|implement|set up)", "we plan", "corrective",
            "preventive", "preventative", "to avoid"), "\\b");
    private static final WordStartSearch INVESTIGATION = words(List.of("investigat\\w*", "checked", "checking",
            "examin\\w*", "look(?:ed|ing) (?:at|into)", "inspect(?:ed|ing)", "review(?:ed|ing)", "debugg\\w*",
            "troubleshoot\\w*", "escalat\\w*", "diagnos(?:ed|ing)", "analy[sz](?:ed|ing)", "we (?:began|started)",
            "team (?:began|started)"), "\\b");
    /** Fix words that tell the cause: rolling a release back says the release was bad. */
    private static final Pattern FIX_TELLS_CAUSE = Pattern.compile("\\brevert|\\brolled back|\\brollback|\\broll back");
    /** Where a ruled-out statement ends and the finding begins: "It was not DNS: a firewall rule blocked 443". */
    private static final Pattern NEGATED = Pattern.compile("(?i)\\b(?:not|no|never|wasn t|isn t|weren t)\\b[^:;]*[:;]");
    private static final Pattern LABEL_BREAK = Pattern.compile("(?<=[:;])\\s+");

    private SentenceRoles() {
    }

    /** {@code (?i)\b(?:word|word|...)} followed by {@code tail}: searched only where one of the words can start. */
    private static WordStartSearch words(List<String> words, String tail) {
        return new WordStartSearch(Pattern.compile("(?i)\\b(?:" + String.join("|", words) + ")" + tail), words);
    }

    /**
     * The text cut into sentences and lines, none longer than {@link #MAX_SENTENCE}: cut at each run of white
     * space that follows a full stop (or ! ? ;) or holds a line break, in one pass: what splitting at the regex
     * {@code (?<=[.!?;])\s+|\s*\n\s*} gives, as SentenceRolesPropertyTest checks, at a fraction of the cost.
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            if (!isRegexSpace(text.charAt(i))) {
                i++;
                continue;
            }
            int run = i;
            boolean lineBreak = false;
            while (i < n && isRegexSpace(text.charAt(i))) {
                if (text.charAt(i) == '\n') lineBreak = true;
                i++;
            }
            if (lineBreak || (run > 0 && isStop(text.charAt(run - 1)))) {
                addSentence(out, text.substring(start, run));
                start = i;
            }
        }
        addSentence(out, text.substring(start));
        return out;
    }

    private static void addSentence(List<String> out, String piece) {
        String t = piece.strip();
        if (t.isEmpty()) return;
        for (int i = 0; i < t.length(); i += MAX_SENTENCE) out.add(t.substring(i, Math.min(t.length(), i + MAX_SENTENCE)));
    }

    /** {@code \s} of a regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r');
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?' || c == ';';
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
        String[] cut = CLAUSE_WORDS.anyIn(sentence) ? CLAUSE_BREAK.split(sentence) : new String[] {sentence};
        for (String part : cut) {
            if (part.isBlank()) continue;
            WordStartSearch.Starts starts = WordStartSearch.Starts.of(part);
            if (!RULED_OUT.find(starts)) {
                out.add(new Part(part, starts));
                continue;
            }
            // "It was not DNS: a firewall rule…" turns at the colon; "Initial hypothesis: a DDoS" does not.
            String[] pieces = NEGATED.matcher(part).find() ? LABEL_BREAK.split(part) : new String[] {part};
            out.add(new Part(pieces[0], Role.RULED_OUT));
            for (int i = 1; i < pieces.length; i++) out.add(new Part(pieces[i], roleOf(pieces[i])));
        }
        return out;
    }

    /** A clause whose role is read on the first call of {@link #role()}. */
    static final class Part {
        private final String text;
        private Role role;
        /** The word starts of a part the ruled-out search has not matched, for the other searches. */
        private final WordStartSearch.Starts notRuledOut;

        Part(String text, Role role) {
            this.text = text;
            this.role = role;
            this.notRuledOut = null;
        }

        Part(String text, WordStartSearch.Starts notRuledOut) {
            this.text = text;
            this.notRuledOut = notRuledOut;
        }

        String text() {
            return text;
        }

        Role role() {
            if (role == null) role = roleOfNotRuledOut(text, notRuledOut);
            return role;
        }
    }

    static Role roleOf(String clause) {
        WordStartSearch.Starts starts = WordStartSearch.Starts.of(clause);
        if (RULED_OUT.find(starts)) return Role.RULED_OUT;
        return roleOfNotRuledOut(clause, starts);
    }

    /** {@link #roleOf} of a clause the ruled-out search does not match, with its word starts. */
    private static Role roleOfNotRuledOut(String clause, WordStartSearch.Starts starts) {
        if (CAUSE.find(starts)) return Role.CAUSE;
        if (FIX_OPENING.matcher(clause).find() || FIX_DONE.find(starts) || FIX_RELEASED.find(starts)
                || FIX_PLANNED.find(starts)) {
            return Role.FIX;
        }
        if (INVESTIGATION.find(starts)) return Role.INVESTIGATION;
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
