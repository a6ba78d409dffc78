package dev.pmkb.understand;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActionThemesTest {

    @Test
    void tasksGoToTheThemeTheyImprove() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("Add an alert on replica lag", "alerting"),
                Map.entry("Page the on-call engineer when the pool is 80% used", "alerting"),
                Map.entry("Write a runbook for database failover", "runbooks"),
                Map.entry("Add a Grafana dashboard for connection pool usage", "monitoring"),
                Map.entry("Run a load test before every sale", "load-testing"),
                Map.entry("Automate certificate renewal and alert 14 days before expiry", "alerting"),
                Map.entry("Renew the Kafka client certificates automatically", "certificates-time"),
                Map.entry("Rotate the leaked access key and enforce MFA", "security"),
                Map.entry("Add a canary stage to the release pipeline", "deployment-safety"),
                Map.entry("Validate HAProxy config changes in CI before they ship", "configuration"),
                Map.entry("Enable autoscaling on the worker pool", "capacity"),
                Map.entry("Add retries with exponential backoff to the payment client", "resilience"),
                Map.entry("Add an index on orders.customer_id", "database"),
                Map.entry("Hold a blameless postmortem review with the team", "process"),
                Map.entry("Buy the team pizza", "other"));
        expected.forEach((task, theme) -> assertEquals(theme, ActionThemes.of(task).slug(), task));
    }
}
