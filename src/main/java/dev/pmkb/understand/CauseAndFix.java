package dev.pmkb.understand;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** A "Root Cause and Resolution" section read as two texts: the cause, then the fix. */
final class CauseAndFix {

    private static final Pattern RESOLUTION_START = Pattern.compile(
            "(?i)^(?:to (?:resolve|fix|address|restore|mitigate|remedy)|resolution|resolved|we resolved|we fixed|the fix"
                    + "|fixing|resolving|the (?:issue|problem|outage|incident) was (?:resolved|fixed|mitigated)"
                    + "|(?:once|after|upon) (?:the (?:root )?cause was )?(?:identif|discover|found)\\w*|the solution"
                    + "|to (?:get|bring) )");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+");
    /** A paragraph that speaks of the fix within its first words (matched on lower-case text). */
    private static final Pattern FIX_EARLY = Pattern.compile("(?s).{0,60}\\b(?:resolv|fix|restor|remed|mitigat)\\w*.*");

    private CauseAndFix() {
    }

    /**
     * The start of a paragraph that decides {@link #FIX_EARLY}: a match needs a word start within 60 characters
     * and its stem (seven at most) after it; whatever follows matches {@code .*}. So only the first 80 characters
     * are lower-cased, not a whole paragraph of log lines: lower-casing never shortens a text, and where it reads
     * what follows (a sigma at a word's end) it only picks between two letters that are no word characters and
     * no stem's (CauseAndFixPropertyTest).
     */
    private static String fixEarlyPrefix(String paragraph) {
        return paragraph.length() > 80 ? paragraph.substring(0, 80) : paragraph;
    }

    private static final String[] FIX_STEMS = {"resolv", "fix", "restor", "remed", "mitigat"};

    /**
     * {@code FIX_EARLY.matcher(start).matches()}, the regex tried only when a fix stem stands in {@code start} after
     * no ASCII letter, digit or underscore: its {@code \b} needs that, and most paragraphs have no stem at all.
     */
    private static boolean fixEarly(String start) {
        for (int at = 0; at < start.length(); at++) {
            char c = start.charAt(at);
            if (c != 'r' && c != 'f' && c != 'm') continue;
            if (at > 0 && isAsciiWordChar(start.charAt(at - 1))) continue;
            for (String stem : FIX_STEMS) {
                if (start.startsWith(stem, at)) return FIX_EARLY.matcher(start).matches();
            }
        }
        return false;
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** {cause, fix}: the cause paragraphs, then from the first fix paragraph on. */
    static String[] split(String text) {
        String[] paras = PlainText.paragraphs(text);
        for (int i = 1; i < paras.length; i++) {
            if (RESOLUTION_START.matcher(paras[i].strip()).lookingAt()
                    || fixEarly(fixEarlyPrefix(paras[i]).toLowerCase(Locale.ROOT))) {
                return new String[] {String.join("\n\n", Arrays.asList(paras).subList(0, i)),
                        String.join("\n\n", Arrays.asList(paras).subList(i, paras.length))};
            }
        }
        if (paras.length > 1) {
            return new String[] {paras[0], String.join("\n\n", Arrays.asList(paras).subList(1, paras.length))};
        }
        // One paragraph: cut at the first sentence that talks about the fix.
        String[] sentences = SENTENCE_BREAK.split(text);
        for (int i = 1; i < sentences.length; i++) {
            if (RESOLUTION_START.matcher(sentences[i]).lookingAt()) {
                return new String[] {String.join(" ", Arrays.asList(sentences).subList(0, i)),
                        String.join(" ", Arrays.asList(sentences).subList(i, sentences.length))};
            }
        }
        return new String[] {text, ""};
    }
}
