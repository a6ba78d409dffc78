package dev.pmkb.model;

/**
 * How the incident was noticed.
 *
 * @param time when, or null
 * @param how  by whom or what (a monitoring alert, a customer report), or null
 */
public record Detection(IncidentTime time, String how) {
    public static final Detection NONE = new Detection(null, null);
}
