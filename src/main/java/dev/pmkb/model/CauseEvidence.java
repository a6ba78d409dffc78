package dev.pmkb.model;

/**
 * Why one cause tag was given: the sentence of the postmortem it was read from, so a reader can judge it.
 *
 * @param slug     the tag
 * @param sentence the sentence as plain text, clipped; for tags the header names, a note saying so
 */
public record CauseEvidence(String slug, String sentence) {
}
