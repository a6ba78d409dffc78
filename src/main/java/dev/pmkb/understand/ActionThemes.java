package dev.pmkb.understand;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Groups corrective and preventative tasks by what they improve, so a reader sees which lessons recur
 * across incidents ("alerting" keeps coming back). The first theme whose words appear in a task wins,
 * which is why the specific themes come before the broad ones.
 */
public final class ActionThemes {

    public record Theme(String slug, String name, Pattern words) {
        static Theme of(String slug, String name, String... stems) {
            return new Theme(slug, name, Pattern.compile("\\b(" + String.join("|", stems) + ")",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    public static final Theme OTHER = Theme.of("other", "Other improvements", "(?!)");

    public static final List<Theme> THEMES = List.of(
            Theme.of("alerting", "Alerting and on-call", "alert", "alarm", "pag(e|ing) ", "pagerduty", "on-call",
                    "oncall", "notif", "escalation polic"),
            Theme.of("load-testing", "Load and chaos testing", "load.?test", "stress.?test", "performance test",
                    "soak", "chaos", "game ?day", "benchmark"),
            Theme.of("certificates-time", "Certificates and time", "certificat", "cert\\b", "tls", "ssl", "expir",
                    "renew", "ntp", "chrony", "clock"),
            Theme.of("security", "Security and access", "secret", "credential", "rotat", "2fa", "mfa",
                    "two-factor", "permission", "least privilege", "sanitiz", "vulnerab", "access key", "iam\\b",
                    "xss", "csp\\b"),
            Theme.of("monitoring", "Monitoring and observability", "monitor", "metric", "dashboard", "observab",
                    "logging", "tracing", "visibility", "health.?check", "synthetic", "grafana", "prometheus"),
            Theme.of("deployment-safety", "Deployment safety", "deploy", "roll ?out", "canary", "roll ?back", "release",
                    "feature.?flag", "blue.?green", "staging", "pipeline", "change management", "freeze"),
            Theme.of("configuration", "Configuration validation", "config", "validat", "lint", "schema check",
                    "peer.?review", "four.?eyes", "guard ?rail", "dry.?run"),
            Theme.of("capacity", "Capacity and scaling", "capacity", "scal(e|ing)", "autoscal", "quota", "disk",
                    "headroom", "provision", "limit", "retention"),
            Theme.of("resilience", "Resilience and dependencies", "retr(y|ies)", "timeout", "circuit.?breaker",
                    "fallback", "redundan", "failover", "replica", "backoff", "rate.?limit", "vendor", "provider"),
            Theme.of("database", "Database and queries", "index", "quer(y|ies)", "pool", "connection", "database",
                    "migration", "postgres", "mysql"),
            Theme.of("testing", "Testing", "test", "\\bqa\\b", "\\bci\\b", "regression"),
            Theme.of("runbooks", "Runbooks, training and process", "runbook", "playbook", "document", "training",
                    "wiki", "knowledge", "process", "communicat", "status page", "review"));

    private ActionThemes() {
    }

    public static Theme of(String task) {
        String text = task.toLowerCase(Locale.ROOT);
        for (Theme theme : THEMES) {
            if (theme.words().matcher(text).find()) return theme;
        }
        return OTHER;
    }
}
