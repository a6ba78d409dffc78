package dev.pmkb.model;

/** What a corrective task improves, e.g. {@code alerting} / "Alerting and on-call". */
public record ActionTheme(String slug, String name) {
}
