package dev.pmkb.understand;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names how an incident was noticed, in the words the ALX template asks for. */
final class DetectionWords {

    private record Way(String name, String words) {
    }

    private static final List<Way> WAYS = List.of(
            new Way("monitoring alert", "\\b(?:monitor\\w*|alert\\w*|alarm\\w*|pager\\w*|pagerduty|datadog"
                    + "|nagios|prometheus|grafana|new relic|uptime\\w*|health ?checks?|automated (?:check|system)s?|dashboards?)\\b"),
            new Way("customer reports", "\\b(?:customers?|users? (?:report\\w*|complain\\w*)"
                    + "|complain\\w*|support tickets?|tickets?|reports? from users|social media|tweets?)\\b"),
            new Way("engineer noticed", "\\b(?:engineers?|developers?|team members?|on-?call|sre|admin\\w*"
                    + "|we) (?:\\w+ )?(?:noticed|spotted|observed|discovered|saw)\\b|\\bnoticed\\b"));

    /**
     * All ways in one regex, way {@code i} as group {@code i + 1}. Its first match is the earliest mention of any
     * way, and where several start at the same place the alternation tries them in list order: the same answer
     * as searching for each way on its own, but the text is read once and only up to that first mention.
     */
    private static final Pattern ANY_WAY = Pattern.compile(String.join("|",
            WAYS.stream().map(w -> "(" + w.words() + ")").toList()), Pattern.CASE_INSENSITIVE);

    private DetectionWords() {
    }

    /** The way mentioned first in {@code text}, or null. */
    static String how(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.length() > 8000 ? text.substring(0, 8000) : text;
        Matcher m = ANY_WAY.matcher(t);
        if (!m.find()) return null;
        for (int i = 0; i < WAYS.size(); i++) {
            if (m.group(i + 1) != null) return WAYS.get(i).name();
        }
        throw new IllegalStateException("a match of no way");
    }
}
