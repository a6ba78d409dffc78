package dev.pmkb.understand;

import dev.pmkb.model.Diagnostic;
import dev.pmkb.model.Facts;
import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.IncidentTime.ZoneResolution;
import dev.pmkb.model.Postmortem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules of {@code pmkb check}: what a reviewer would send back before a postmortem goes into the library.
 * Each finding points at the best line: where the fact is, or where it should have been written.
 */
public final class Linter {

    private Linter() {
    }

    /** The diagnostics already on {@code p} (header, encoding, dates, zones) followed by the missing facts. */
    public static List<Diagnostic> lint(Postmortem p) {
        List<Diagnostic> out = new ArrayList<>(p.diagnostics());
        Facts f = p.facts();
        String src = p.source();
        int top = firstLine(p);
        if (f.summary() == null) {
            out.add(Diagnostic.warning(src, top, "no Issue Summary: add a short summary of what happened"));
        }
        if (f.start() == null || f.start().time() == null && f.start().date() == null) {
            out.add(Diagnostic.warning(src, top, "no start time: state when the incident started, with its time zone"));
        }
        if (f.end() == null) {
            out.add(Diagnostic.warning(src, top, "no end time: state when the incident ended, with its time zone"));
        }
        IncidentTime when = f.start() != null ? f.start() : f.end();
        boolean zoneReported = p.diagnostics().stream().anyMatch(d -> d.message().contains("time zone"));
        if (when != null && !zoneReported) {
            // The understanding step reports zones where they are written; this covers times built elsewhere.
            if (when.resolution() == ZoneResolution.MISSING) {
                out.add(Diagnostic.warning(src, top, "no time zone for \"" + when.written()
                        + "\": write one (UTC, WAT, UTC+1) so times can be compared"));
            } else if (when.resolution() == ZoneResolution.UNKNOWN) {
                out.add(Diagnostic.warning(src, top, "unknown time zone \"" + when.zone() + "\""));
            } else if (when.resolution() == ZoneResolution.DEFAULT) {
                out.add(Diagnostic.warning(src, top, "ambiguous time zone \"" + when.zone() + "\" read by the library default"));
            }
        }
        if (f.impact() == null || f.impact().text() == null && f.impact().usersPercent() == null) {
            out.add(Diagnostic.warning(src, top, "no impact: say what users saw and what share of users was affected"));
        }
        if (f.rootCause() == null) {
            out.add(Diagnostic.warning(src, top, "no root cause section: explain why the incident happened"));
        }
        if (f.actionItems().isEmpty()) {
            out.add(Diagnostic.warning(src, top, "no action items: list corrective and preventative tasks"));
        }
        out.sort(Comparator.comparingInt(Diagnostic::line));
        return out;
    }

    /** Missing facts have no line of their own: they are reported at the top of the file. */
    private static int firstLine(Postmortem p) {
        return 1;
    }
}
