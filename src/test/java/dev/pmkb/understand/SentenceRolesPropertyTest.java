package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SentenceRoles} cuts sentences in one pass and reads a clause's role with word searches tried only where
 * their words can start; on any text both must answer as the regexes they stand for: the sentence break
 * {@code (?<=[.!?;])\s+|\s*\n\s*}, and the four role patterns below, tried in their order.
 *
 * <p>Texts mix the roles' words (in any case, cut short, run into letters and underscores) with stops, white space
 * of every kind the regex knows and some it does not, time stamps and characters that fold onto the words'
 * initials.
 */
class SentenceRolesPropertyTest {

    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?;])\\s+|\\s*\\n\\s*");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?i)(?<=[,;:)]|\\s)(?=(?:but|however|instead|actually|yet|whereas|turn(?:ed|s) out)\\b)");
    private static final Pattern NEGATED = Pattern.compile("(?i)\\b(?:not|no|never|wasn t|isn t|weren t)\\b[^:;]*[:;]");
    private static final Pattern LABEL_BREAK = Pattern.compile("(?<=[:;])\\s+");
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

    /** Phrases of every role, as a text writes them. */
    private static final List<String> PHRASES = List.of("suspected", "initially", "at first", "first thought",
            "assumption", "hypothesis", "misleading", "red herring", "ruled out", "rule out", "false alarm", "dead end",
            "chased", "speculation", "we thought", "team believed", "engineers guessed", "i wondered", "they considered",
            "was not the", "was not due", "wasn t", "were not related", "not the root cause", "no evidence", "eliminated",
            "looked like", "seemed to be", "appeared to be", "caused by", "cause was", "causes of", "root-cause",
            "rootcause", "due to", "traced back to", "because", "resulting from", "as a result of", "stemmed from",
            "originated in", "triggered by", "attributed to", "culprit", "responsible for", "the reason", "owing to",
            "turned out", "it was found", "we found", "we discovered", "were identified as", "issue was a", "error were the",
            "led to", "resulted in", "caused", "causing", "introduced", "accidentally", "mistakenly", "by mistake",
            "unintended", "to resolve", "we restarted", "we then", "the workaround", "fixed", "resolving", "restored",
            "rolled back", "reverting", "rebuilt", "mitigation", "was resolved", "have been rolled back", "got freed",
            "fix was deployed", "hotfixes were released", "clones is applied", "update to fix was rolled out",
            "going forward", "in the future", "to prevent", "will set up", "we plan", "preventative", "to avoid",
            "investigating", "checked", "examined", "looking into", "inspected", "reviewing", "debugging",
            "troubleshooting", "escalated", "diagnosed", "analyzed", "we began", "team started", "the disk was full");
    /** Glue: stops, the white space \s knows and some it does not, time stamps, letters run into words. */
    private static final List<String> GLUE = List.of(" ", " ", "  ", ".", ". ", "! ", "? ", "; ", ";", ",", ", ", ":",
            ": ", ")", "(", "\t", "\u000B", "\f", " \n ", "\u00a0", "\u2003", "\u001C", "10:40 ", "9.05am ", "12h30 - ",
            "x", "_", "9", "s", "-", "*", "but ", "however, ", "it", "the ", "not ", "we ", "INSTEAD ", "Actually",
            "yet", "whereas ", "turns out", "BUT", "butter", "yeti", "ıt", "Ky");

    @Test
    void cutsSentencesWhereTheRegexSplits() {
        Property.forAllTexts(3000, random -> text(random, 30), text ->
                assertEquals(byRegex(text), SentenceRoles.sentences(text)));
    }

    @Test
    void cutsALongSentenceIntoPiecesAsTheRegexDoes() {
        Property.forAllTexts(50, random -> {
            List<String> tokens = new ArrayList<>(text(random, 10));
            tokens.add("x".repeat(2000 + random.nextInt(3000)));
            tokens.addAll(text(random, 10));
            return tokens;
        }, text -> assertEquals(byRegex(text), SentenceRoles.sentences(text)));
    }

    @Test
    void readsTheRoleTheRegexesRead() {
        Property.forAllTexts(5000, random -> text(random, 8), text ->
                assertEquals(roleByRegex(text), SentenceRoles.roleOf(text), "role"));
    }

    @Test
    void cutsClausesAndReadsTheirRolesAsTheRegexesDo() {
        Property.forAllTexts(3000, random -> text(random, 12), sentence -> {
            List<String> actual = new ArrayList<>();
            for (SentenceRoles.Part p : SentenceRoles.parts(sentence)) actual.add(p.text() + " " + p.role());
            List<String> clauses = new ArrayList<>();
            for (SentenceRoles.Clause c : SentenceRoles.clauses(sentence)) clauses.add(c.text() + " " + c.role());
            assertEquals(clausesByRegex(sentence), actual, "parts");
            assertEquals(actual, clauses, "clauses");
        });
    }

    private static List<String> text(Random random, int maxCount) {
        List<String> forms = new ArrayList<>();
        for (String p : PHRASES) {
            forms.add(p);
            forms.add(p.toUpperCase(java.util.Locale.ROOT));
            forms.add(Character.toUpperCase(p.charAt(0)) + p.substring(1));
            forms.add(p.substring(0, Math.max(1, p.length() - 2)));
        }
        return Property.tokens(random, maxCount, forms, GLUE, GLUE, Tokens.LINE_BREAKS, Tokens.NON_ASCII);
    }

    private static List<String> byRegex(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_BREAK.split(text)) {
            String t = s.strip();
            if (t.isEmpty()) continue;
            for (int i = 0; i < t.length(); i += 2000) out.add(t.substring(i, Math.min(t.length(), i + 2000)));
        }
        return out;
    }

    /** SentenceRoles.clauses as first written, every role read by the regexes. */
    private static List<String> clausesByRegex(String sentence) {
        List<String> out = new ArrayList<>();
        for (String part : CLAUSE_BREAK.split(sentence)) {
            if (part.isBlank()) continue;
            SentenceRoles.Role role = roleByRegex(part);
            if (role != SentenceRoles.Role.RULED_OUT) {
                out.add(part + " " + role);
                continue;
            }
            String[] pieces = NEGATED.matcher(part).find() ? LABEL_BREAK.split(part) : new String[] {part};
            out.add(pieces[0] + " " + role);
            for (int i = 1; i < pieces.length; i++) out.add(pieces[i] + " " + roleByRegex(pieces[i]));
        }
        return out;
    }

    private static SentenceRoles.Role roleByRegex(String clause) {
        if (RULED_OUT.matcher(clause).find()) return SentenceRoles.Role.RULED_OUT;
        if (CAUSE.matcher(clause).find()) return SentenceRoles.Role.CAUSE;
        if (FIX.matcher(clause).find()) return SentenceRoles.Role.FIX;
        if (INVESTIGATION.matcher(clause).find()) return SentenceRoles.Role.INVESTIGATION;
        return SentenceRoles.Role.NEUTRAL;
    }
}
