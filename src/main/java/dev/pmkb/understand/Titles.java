package dev.pmkb.understand;

import dev.pmkb.model.Postmortem;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Titles that several incidents of one library share, told apart so every list names each incident once. */
public final class Titles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private Titles() {
    }

    /**
     * The incidents in the same order, those that share a title (ignoring case) followed by their date, then, where
     * that is not enough, by their file.
     */
    public static List<Postmortem> distinguish(List<Postmortem> incidents) {
        List<Postmortem> out = new ArrayList<>(incidents);
        Map<String, Integer> counts = count(out);
        for (int i = 0; i < out.size(); i++) {
            Postmortem p = out.get(i);
            if (counts.get(key(p.title())) > 1 && p.date() != null) out.set(i, p.withTitle(withDay(p)));
        }
        counts = count(out);
        for (int i = 0; i < out.size(); i++) {
            Postmortem p = out.get(i);
            if (counts.get(key(p.title())) > 1) out.set(i, p.withTitle(p.title() + " (" + p.source() + ")"));
        }
        return out;
    }

    /** "… (May 2023)" becomes "… (12 May 2023)"; any other title gets the day after it. */
    private static String withDay(Postmortem p) {
        String day = DAY.format(p.date());
        String month = " (" + MONTH.format(p.date()) + ")";
        String title = p.title();
        if (title.endsWith(month)) return title.substring(0, title.length() - month.length()) + " (" + day + ")";
        return title + " (" + day + ")";
    }

    private static Map<String, Integer> count(List<Postmortem> incidents) {
        Map<String, Integer> counts = new HashMap<>();
        for (Postmortem p : incidents) counts.merge(key(p.title()), 1, Integer::sum);
        return counts;
    }

    private static String key(String title) {
        return title == null ? "" : title.strip().toLowerCase(Locale.ROOT);
    }
}
