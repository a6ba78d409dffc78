package dev.pmkb.model;

/** A corrective or preventative task; {@code done} when the author ticked it ({@code [x]}) or said so. */
public record ActionItem(String text, boolean done) {
}
