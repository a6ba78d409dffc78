package dev.pmkb.understand;

import dev.pmkb.model.Impact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads who was hurt: the share of users (as a number), the services named, and the statement itself. */
final class ImpactReader {

    private static final List<String> WHO_WORDS = List.of("users?", "customers?", "clients?", "visitors?", "subscribers?",
            "members?", "requests?", "traffic", "user base", "customer base", "accounts?", "sessions?", "students?", "people",
            "players?", "buyers?", "shoppers?", "merchants?", "employees?", "staff", "cashiers?", "agents?", "tenants?",
            "patients?", "drivers?", "developers?", "partners?", "calls?", "transactions?", "orders?", "payments?",
            "page ?views?", "queries");
    private static final String WHO = "(?:" + String.join("|", WHO_WORDS) + ")";
    /** Words that make a percentage a level ("a 30% drop in user engagement"), not a share of who was hurt. */
    private static final String LEVEL = "(?:decrease|increase|drop|reduction|degradation|rise|spike|growth|more|less"
            + "|higher|lower|slower|faster|loss|of\\sthe\\stime)\\b";
    /**
     * "40% of vending point cashiers", "78% of our subscribers", "100% of incoming web traffic", "10% or our beta
     * users": up to three words of any kind name which users, unless they make the number a level.
     */
    private static final Pattern PERCENT_BEFORE = Pattern.compile(
            "(?i)(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,2})?)\\s?(?:%|percent|per cent)(?:\\s|\\W){1,3}(?!" + LEVEL + ")"
                    + "(?:(?:of|or|our|the|all|total|its|their)\\s){0,3}(?:(?!" + LEVEL + ")[a-z][\\w'-]{0,20}\\s){0,3}" + WHO + "\\b");
    /** Tried only where one of {@link #WHO_WORDS} starts, not at every character. */
    private static final WordStartSearch PERCENT_AFTER = new WordStartSearch(Pattern.compile(
            "(?i)\\b" + WHO + "\\b[^.%\\d]{0,40}?(?<![\\d.])(?<!other |remaining |rest |(?:the )?others )(\\d{1,3}(?:\\.\\d{1,2})?)\\s?(?:%|percent|per cent)"), WHO_WORDS);
    private static final List<String> ALL_WORDS = List.of("all", "every", "100 ?%", "each");
    /** Tried only where one of {@link #ALL_WORDS} starts: its look-behind is costly to try at every character. */
    private static final WordStartSearch ALL_USERS = new WordStartSearch(Pattern.compile(
            "(?i)(?<!not |almost |nearly |virtually |practically |of |affecting not )\\b(?:" + String.join("|", ALL_WORDS)
                    + ")\\s(?:(?:of\\s)?(?:our|the)\\s)?(?:users?|customers?|clients?|visitors?)\\b"
                    // "all customers in the Lagos region" are some of the users, not all of them.
                    + "(?!\\s(?:in|from|on|at|of)\\s(?:the\\s|one\\s|a\\s)?(?:[\\w-]+\\s){0,2}(?:region|zone|area|country|city"
                    + "|data ?cent(?:er|re)|cluster|shard|tenant|plan|tier)s?\\b)"), ALL_WORDS);
    private static final Pattern SERVICE = Pattern.compile(
            "(?i)\\b((?:[a-z][\\w-]{1,25}\\s){0,2}(?:service|api|website|web site|web application|web app|application|app"
                    + "|server|servers|platform|portal|site|database|checkout|login|dashboard|endpoint|backend|frontend))\\b");
    private static final Set<String> STOP = Set.of("the", "a", "an", "our", "their", "its", "this", "that", "of", "to",
            "all", "entire", "whole", "main", "and", "on", "in", "for", "with", "was", "were", "by", "from", "affected",
            "affecting", "impacted", "users", "web", "down", "is", "be", "which", "some", "any", "it",
            "experienced", "unavailability", "unavailable", "slow", "causing", "caused", "during", "into", "as");

    private ImpactReader() {
    }

    private static final Pattern IMPACT_SENTENCE = Pattern.compile(
            "(?i)\\b(?:users?|customers?|clients?|visitors?|affect\\w*|impact\\w*|unavailable|inaccessible|unreachable"
                    + "|down|outage|errors?|slow)\\b");
    /** Compiled once: the readers below run for every postmortem. */
    private static final Pattern SENTENCE_OR_LINE = Pattern.compile("(?<=[.!?])\\s+|\\n");
    private static final Pattern LABEL_PREFIX = Pattern.compile("(?i)^(?:impact|duration|root cause)\\s*:\\s*");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern NAMES_WHO = Pattern.compile(
            "(?is).*\\b(?:users?|customers?|clients?|visitors?|affect\\w*|impact\\w*)\\b.*");

    static Impact read(String impactText, String fallbackText) {
        String text = impactText != null && !impactText.isBlank() ? impactText : impactSentence(fallbackText);
        // A number anywhere beats "all users": "affecting all users. About 80% of users were affected" is 80.
        Double percent = number(impactText);
        if (percent == null) percent = number(fallbackText);
        if (percent == null) percent = allUsers(impactText != null ? impactText : fallbackText);
        if (text == null && percent == null) return Impact.NONE;
        String statement = text != null ? PlainText.clip(text.replace('\n', ' '), 1000) : null;
        return new Impact(percent, services(text != null ? text : ""), statement);
    }

    /** Without an Impact section, the summary's first sentence about who or what was hurt is the statement. */
    private static String impactSentence(String summary) {
        if (summary == null) return null;
        String t = summary.length() > 4000 ? summary.substring(0, 4000) : summary;
        for (String sentence : SENTENCE_OR_LINE.split(t)) {
            String s = LABEL_PREFIX.matcher(sentence.strip()).replaceFirst("");
            if (WHITE_SPACE.split(s).length >= 4 && IMPACT_SENTENCE.matcher(s).find()
                    && (percent(s) != null || NAMES_WHO.matcher(s).matches())) {
                return s;
            }
        }
        return null;
    }

    /** The share of users stated, 0-100; "all users" is 100 only when literally said. */
    static Double percent(String text) {
        Double n = number(text);
        return n != null ? n : allUsers(text);
    }

    private static Double allUsers(String text) {
        if (text == null) return null;
        String t = text.length() > 8000 ? text.substring(0, 8000) : text;
        return ALL_USERS.find(t) ? 100.0 : null;
    }

    private static Double number(String text) {
        if (text == null) return null;
        String t = text.length() > 8000 ? text.substring(0, 8000) : text;
        // Checked before the regexes: both need "%" or "percent", and most texts state no share.
        if (t.indexOf('%') < 0 && PlainText.indexOfIgnoreCase(t, "percent", 0) < 0
                && PlainText.indexOfIgnoreCase(t, "per cent", 0) < 0) {
            return null;
        }
        Double best = null;
        int at = Integer.MAX_VALUE;
        for (Matcher m : new Matcher[] {firstPercentBefore(t), PERCENT_AFTER.first(t)}) {
            if (m != null && m.start() < at) {
                double v = Double.parseDouble(m.group(1));
                if (v >= 0 && v <= 100) {
                    best = v;
                    at = m.start();
                }
            }
        }
        return best;
    }

    /**
     * The first match of {@link #PERCENT_BEFORE}, as {@code find()} gives it, or null. It starts with a number
     * after neither a digit nor a point, so it is tried only at the first digit of each number.
     */
    private static Matcher firstPercentBefore(String t) {
        Matcher m = PERCENT_BEFORE.matcher(t).useTransparentBounds(true);
        int n = t.length();
        for (int i = 0; i < n; i++) {
            if (!isAsciiDigit(t.charAt(i)) || (i > 0 && (isAsciiDigit(t.charAt(i - 1)) || t.charAt(i - 1) == '.'))) continue;
            if (m.region(i, n).lookingAt()) return m;
        }
        return null;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Every service word of {@link #SERVICE} starts with one of these. */
    private static final PlainText.Needles SERVICE_WORDS = new PlainText.Needles(List.of("service", "api", "web", "app",
            "server", "platform", "portal", "site", "database", "checkout", "login", "dashboard", "endpoint", "backend",
            "frontend"));
    /** A match of {@link #SERVICE} starts at most two words (a letter, 25 more, a space) before its service word. */
    private static final int SERVICE_REACH = 2 * 27;

    /**
     * Whether {@code m} finds {@link #SERVICE} at or after {@code from}, at the match {@code find()} would give from
     * there. It is tried only within reach before a service word, not at every character of the text.
     */
    private static boolean nextService(Matcher m, String t, int from) {
        int n = t.length();
        int tried = from;
        for (int word = SERVICE_WORDS.indexIn(t, from); word >= 0; word = SERVICE_WORDS.indexIn(t, word + 1)) {
            for (int at = Math.max(tried, word - SERVICE_REACH); at <= word; at++) {
                if (m.region(at, n).lookingAt()) return true;
            }
            tried = word + 1;
        }
        return false;
    }

    static List<String> services(String text) {
        Set<String> found = new LinkedHashSet<>();
        String t = text.length() > 4000 ? text.substring(0, 4000) : text;
        Matcher m = SERVICE.matcher(t).useTransparentBounds(true);
        for (int from = 0; found.size() < 6 && nextService(m, t, from); from = m.end()) {
            List<String> words = new ArrayList<>(List.of(WHITE_SPACE.split(m.group(1).toLowerCase(Locale.ROOT))));
            while (words.size() > 1 && STOP.contains(words.getFirst())) words.removeFirst();
            if (words.size() == 1 && Set.of("service", "application", "app", "server", "servers", "site", "platform", "api")
                    .contains(words.getFirst())) {
                continue;
            }
            found.add(String.join(" ", words));
        }
        return List.copyOf(found);
    }
}
