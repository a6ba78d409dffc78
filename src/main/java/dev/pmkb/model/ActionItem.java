package dev.pmkb.model;

/**
 * A corrective or preventative task.
 *
 * @param done  true when the author ticked it ({@code [x]}) or said so
 * @param theme what the task improves (alerting, capacity, …), so recurring lessons can be grouped
 */
public record ActionItem(String text, boolean done, ActionTheme theme) {
}
