package dev.pmkb.model;

/**
 * A corrective or preventative task.
 *
 * @param done    true when the author ticked it ({@code [x]}) or said so
 * @param theme   what the task improves (alerting, capacity, …), so recurring lessons can be grouped
 * @param tracked true when the author gave it a status: a check box ({@code [ ]} or {@code [x]}) or a done mark
 *                ("✅", "(done)"); a plain bullet is a recommendation whose status nobody tracks, neither open nor
 *                done
 */
public record ActionItem(String text, boolean done, ActionTheme theme, boolean tracked) {

    /** A task whose status is known only when it is done. */
    public ActionItem(String text, boolean done, ActionTheme theme) {
        this(text, done, theme, done);
    }

    /** Tracked and not done yet: what "open action items" counts. */
    public boolean open() {
        return tracked && !done;
    }
}
