package dev.pmkb.understand;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A status page's updates as a timeline: each update is a line holding only its time ("11:55 GMT+1",
 * "2023-07-11 00:15:00 UTC") and then its text. Status pages put the newest update first; a timeline reads
 * oldest first, so updates written newest first are turned round, each keeping its own lines.
 */
final class StatusUpdates {

    /** Fewer updates than this are not a status page's list. */
    private static final int MIN_UPDATES = 2;

    private StatusUpdates() {
    }

    /**
     * {@code lines} with their updates oldest first; the lines before the first update stay in front. Lines
     * that hold no updates come back as they are.
     */
    static List<SourceLine> oldestFirst(List<SourceLine> lines, TimeScanner scanner) {
        List<Integer> heads = new ArrayList<>();
        List<LocalTime> times = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LocalTime t = loneTime(lines.get(i), scanner);
            if (t != null) {
                heads.add(i);
                times.add(t);
            }
        }
        if (heads.size() < MIN_UPDATES || !newestFirst(times)) return lines;
        List<List<SourceLine>> updates = new ArrayList<>();
        for (int k = 0; k < heads.size(); k++) {
            int to = k + 1 < heads.size() ? heads.get(k + 1) : lines.size();
            updates.add(lines.subList(heads.get(k), to));
        }
        Collections.reverse(updates);
        List<SourceLine> out = new ArrayList<>(lines.subList(0, heads.getFirst()));
        updates.forEach(out::addAll);
        return out;
    }

    /** Whether {@code lines} hold a status page's updates: lines that are only a time. */
    static boolean hasUpdates(List<SourceLine> lines, TimeScanner scanner) {
        int n = 0;
        for (SourceLine l : lines) {
            if (loneTime(l, scanner) != null && ++n >= MIN_UPDATES) return true;
        }
        return false;
    }

    /** Most steps from one update to the next go back in time (one step forward is the clock passing midnight). */
    private static boolean newestFirst(List<LocalTime> times) {
        int back = 0;
        int forward = 0;
        for (int i = 1; i < times.size(); i++) {
            int c = times.get(i).compareTo(times.get(i - 1));
            if (c < 0) back++;
            else if (c > 0) forward++;
        }
        return back > forward;
    }

    /** The time of a line that holds nothing else (its date and zone aside), or null. */
    private static LocalTime loneTime(SourceLine line, TimeScanner scanner) {
        String text = line.text();
        if (line.isBlank() || text.length() > 60) return null;
        String plain = PlainText.line(text).strip();
        if (plain.isEmpty() || !Character.isDigit(plain.charAt(0))) return null;
        List<WrittenTime> found = scanner.scan(plain);
        if (found.size() != 1 || found.getFirst().time() == null) return null;
        WrittenTime t = found.getFirst();
        String rest = (plain.substring(0, t.from()) + plain.substring(t.to())).strip();
        return rest.codePoints().anyMatch(Character::isLetterOrDigit) ? null : t.time();
    }
}
