package dev.pmkb.understand;

import dev.pmkb.model.ActionTheme;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Groups corrective and preventative tasks by what they improve, so a reader sees which lessons recur
 * across incidents ("alerting" keeps coming back). The first theme whose words appear in a task wins,
 * which is why the specific themes come before the broad ones.
 */
public final class ActionThemes {

    private record Rule(ActionTheme theme, WordStartSearch words) {
        static Rule of(String slug, String name, String... stems) {
            return new Rule(new ActionTheme(slug, name), new WordStartSearch(Pattern.compile(
                    "\\b(" + String.join("|", stems) + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), List.of(stems)));
        }
    }

    /** Tasks no theme recognises. */
    public static final ActionTheme OTHER = new ActionTheme("other", "Other improvements");

    private static final List<Rule> RULES = List.of(
            Rule.of("alerting", "Alerting and on-call", "alert", "alarm", "pag(e|ing) ", "pagerduty", "on-call",
                    "oncall", "notif", "escalation polic"),
            Rule.of("load-testing", "Load and chaos testing", "load.?test", "stress.?test", "performance test",
                    "soak", "chaos", "game ?day", "benchmark"),
            Rule.of("certificates-time", "Certificates and time", "certificat", "cert\\b", "tls", "ssl", "expir",
                    "renew", "ntp", "chrony", "clock"),
            Rule.of("security", "Security and access", "secret", "credential", "rotat", "2fa", "mfa",
                    "two-factor", "permission", "least privilege", "sanitiz", "vulnerab", "access key", "iam\\b",
                    "xss", "csp\\b"),
            Rule.of("runbooks", "Runbooks and training", "runbook", "playbook", "training", "train\\b", "wiki",
                    "knowledge.?base", "on.?boarding"),
            Rule.of("monitoring", "Monitoring and observability", "monitor", "metric", "dashboard", "observab",
                    "logging", "tracing", "visibility", "health.?check", "synthetic", "grafana", "prometheus"),
            Rule.of("deployment-safety", "Deployment safety", "deploy", "roll ?out", "canary", "roll ?back", "release",
                    "feature.?flag", "blue.?green", "staging", "pipeline", "change management", "freeze"),
            Rule.of("configuration", "Configuration validation", "config", "validat", "lint", "schema check",
                    "peer.?review", "four.?eyes", "guard ?rail", "dry.?run"),
            Rule.of("capacity", "Capacity and scaling", "capacity", "scal(e|ing)", "autoscal", "quota", "disk",
                    "headroom", "provision", "limit", "retention"),
            Rule.of("resilience", "Resilience and dependencies", "retr(y|ies)", "timeout", "circuit.?breaker",
                    "fallback", "redundan", "failover", "replica", "backoff", "rate.?limit", "vendor", "provider"),
            Rule.of("database", "Database and queries", "index", "quer(y|ies)", "pool", "connection", "database",
                    "migration", "postgres", "mysql"),
            Rule.of("testing", "Testing", "test", "\\bqa\\b", "\\bci\\b", "regression"),
            Rule.of("process", "Process and communication", "document", "process", "communicat", "status page",
                    "review", "post.?mortem", "retro"));

    private ActionThemes() {
    }

    public static ActionTheme of(String task) {
        WordStartSearch.Starts text = WordStartSearch.Starts.of(task.toLowerCase(Locale.ROOT));
        for (Rule rule : RULES) {
            if (rule.words().find(text)) return rule.theme();
        }
        return OTHER;
    }
}
