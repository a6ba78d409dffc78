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

    /**
     * What {@code pmkb new} writes where the author has to fill in a fact: an HTML comment starting with TODO, so
     * that a forgotten one shows on no page, and {@code pmkb check} names it.
     */
    public static final String PLACEHOLDER = "<!-- TODO";

    /** {@link #lint(Postmortem, int)} of a postmortem whose body starts on the file's first line (no header). */
    public static List<Diagnostic> lint(Postmortem p) {
        return lint(p, 1);
    }

    /**
     * The diagnostics already on {@code p} (header, encoding, dates, zones) followed by placeholders left in and
     * the missing facts. {@code bodyStartLine} is the file line where {@link Postmortem#markdown()} starts.
     */
    public static List<Diagnostic> lint(Postmortem p, int bodyStartLine) {
        List<Diagnostic> out = new ArrayList<>(p.diagnostics());
        Facts f = p.facts();
        String src = p.source();
        int top = firstLine(p);
        placeholders(p, bodyStartLine, out);
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
            int line = lineOf(p.markdown(), when.written(), bodyStartLine, top);
            if (when.resolution() == ZoneResolution.MISSING) {
                out.add(Diagnostic.warning(src, line, "no time zone for \"" + when.written()
                        + "\": write one (UTC, WAT, UTC+1) so times can be compared"));
            } else if (when.resolution() == ZoneResolution.UNKNOWN) {
                out.add(Diagnostic.warning(src, line, "unknown time zone \"" + when.zone() + "\""));
            } else if (when.resolution() == ZoneResolution.DEFAULT) {
                out.add(Diagnostic.warning(src, line, "ambiguous time zone \"" + when.zone() + "\" read by the library default"));
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

    private static void placeholders(Postmortem p, int bodyStartLine, List<Diagnostic> out) {
        String markdown = p.markdown();
        if (!markdown.contains(PLACEHOLDER)) return;
        String[] lines = markdown.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(PLACEHOLDER);
            if (at < 0) continue;
            int end = lines[i].indexOf("-->", at);
            String text = lines[i].substring(at + "<!-- ".length(), end < 0 ? lines[i].length() : end).strip();
            out.add(Diagnostic.warning(p.source(), bodyStartLine + i, "placeholder left in the text: \"" + text
                    + "\"; write what happened there, or remove it"));
        }
    }

    /** The file line where {@code written} first stands in the body; {@code fallback} when it is not there. */
    private static int lineOf(String markdown, String written, int bodyStartLine, int fallback) {
        if (written == null || written.isBlank()) return fallback;
        int at = markdown.indexOf(written.strip());
        if (at < 0) return fallback;
        int line = 0;
        for (int i = 0; i < at; i++) {
            char c = markdown.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= markdown.length() || markdown.charAt(i + 1) != '\n')) line++;
        }
        return bodyStartLine + line;
    }

    /** Missing facts have no line of their own: they are reported at the top of the file. */
    private static int firstLine(Postmortem p) {
        return 1;
    }
}
