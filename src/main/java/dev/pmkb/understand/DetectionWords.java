package dev.pmkb.understand;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names how an incident was noticed, in the words the ALX template asks for. */
final class DetectionWords {

    private record Way(String name, Pattern words) {
    }

    private static final List<Way> WAYS = List.of(
            new Way("monitoring alert", Pattern.compile("(?i)\\b(?:monitor\\w*|alert\\w*|alarm\\w*|pager\\w*|pagerduty|datadog"
                    + "|nagios|prometheus|grafana|new relic|uptime\\w*|health ?checks?|automated (?:check|system)s?|dashboards?)\\b")),
            new Way("customer reports", Pattern.compile("(?i)\\b(?:customers?|users? (?:report\\w*|complain\\w*)"
                    + "|complain\\w*|support tickets?|tickets?|reports? from users|social media|tweets?)\\b")),
            new Way("engineer noticed", Pattern.compile("(?i)\\b(?:engineers?|developers?|team members?|on-?call|sre|admin\\w*"
                    + "|we) (?:\\w+ )?(?:noticed|spotted|observed|discovered|saw)\\b|\\bnoticed\\b")));

    private DetectionWords() {
    }

    /** The way mentioned first in {@code text}, or null. */
    static String how(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.length() > 8000 ? text.substring(0, 8000) : text;
        String best = null;
        int at = Integer.MAX_VALUE;
        for (Way w : WAYS) {
            Matcher m = w.words().matcher(t);
            if (m.find() && m.start() < at) {
                at = m.start();
                best = w.name();
            }
        }
        return best;
    }
}
