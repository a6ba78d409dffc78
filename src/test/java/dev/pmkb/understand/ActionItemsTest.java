package dev.pmkb.understand;

import dev.pmkb.model.ActionItem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActionItemsTest {

    private static ActionItem task(String text, boolean done) {
        return new ActionItem(text, done, ActionThemes.of(text));
    }

    private static ActionItem tracked(String text, boolean done) {
        return new ActionItem(text, done, ActionThemes.of(text), true);
    }

    private static List<ActionItem> items(String md) {
        return Docs.understand(md).facts().actionItems();
    }

    @Test
    void checkBoxesBulletsAndNumbers() {
        assertEquals(List.of(tracked("Add an alert on replica lag", true),
                tracked("Document the failover runbook", false),
                task("Rotate the backup credentials", false),
                task("Load-test the search cluster", false)), items("""
                ## Action Items
                - [x] Add an alert on replica lag
                - [ ] Document the failover runbook
                * Rotate the backup credentials
                1. Load-test the search cluster
                """));
    }

    @Test
    void aCheckBoxOrADoneMarkIsTrackedAPlainBulletIsNot() {
        List<ActionItem> all = items("""
                ## Action Items
                - [ ] Document the failover runbook
                - Rotate the backup credentials ✅
                - Load-test the search cluster
                """);
        assertEquals(List.of(true, true, false), all.stream().map(ActionItem::tracked).toList());
        assertEquals(List.of(true, false, false), all.stream().map(ActionItem::open).toList());
    }

    @Test
    void boldLabelsAreDroppedOnlyWhenTheRestSaysSomething() {
        assertEquals(List.of(task("Add a canary stage before every production deploy.", false),
                task("Alerting: page on-call", false),
                task("Patch nginx on all web servers", false),
                task("Add alerts for disk usage", false)), items("""
                ## Corrective and Preventative Measures
                - **Deploy safety:** Add a canary stage before every production deploy.
                - **Alerting:** page on-call
                - **Short-Term:**
                  - Patch nginx on all web servers
                - **Add alerts** for disk usage
                """));
    }

    @Test
    void tasksAndMeasuresAreBothReadAndDeduplicated() {
        List<ActionItem> all = items("""
                ## Corrective Measures
                - Add disk usage alerts
                ## Tasks
                - Add disk usage alerts
                - Move logs to a separate volume
                """);
        assertEquals(2, all.size());
    }

    @Test
    void linesWithoutListMarkers() {
        assertEquals(List.of(task("Add monitoring on the config directory", false),
                task("Require review for nginx config changes", false)), items("""
                Corrective and Preventative Measures
                We agreed on the following:
                Add monitoring on the config directory
                Require review for nginx config changes
                """));
    }
}
