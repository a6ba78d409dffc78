package dev.pmkb.understand;

import dev.pmkb.read.Limits;

import dev.pmkb.model.ActionItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads bullet, numbered and check-box lists: action items from corrective measures and task lists, lessons. */
final class ListItems {

    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*+•]|\\d{1,3}[.)])\\s+(?:\\[([ xX])]\\s*)?(.*)$");
    /** "**Label:** rest" or "**Label**: rest"; "**Add alerts** for disk usage" is emphasis, not a label. */
    private static final Pattern BOLD_LABEL = Pattern.compile("^(?:\\*\\*|__)([^*_]{1,80}?)(?::(?:\\*\\*|__)|(?:\\*\\*|__):)\\s*(.*)$");
    private static final Pattern DONE_MARK = Pattern.compile("(?i)(?:✅|✔|☑|\\(done\\)|\\[done]|^done:|\\bcompleted?\\s*[.)]?$)");
    private static final int MAX_ITEMS = Limits.MAX_LIST_ITEMS;
    private static final int MAX_LINES = Limits.MAX_LIST_LINES;
    private static final Pattern LEADING_CHECK_MARK = Pattern.compile("^(?:✅|✔|☑)\\s*");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private ListItems() {
    }

    /** List items of the given lines; a label-only item ("- **Short-Term:**") is a heading, not an item. */
    static List<ActionItem> actionItems(List<List<SourceLine>> sections) {
        Map<String, ActionItem> items = new LinkedHashMap<>();
        List<String[]> found = new ArrayList<>();
        for (List<SourceLine> lines : sections) {
            List<String[]> listed = items(lines);
            found.addAll(listed.isEmpty() ? plainLines(lines) : listed);
        }
        for (String[] item : found) {
            String text = item[0];
            // a check box, ticked or not, is a status someone keeps; a plain bullet has none
            boolean tracked = item[1] != null;
            boolean done = "x".equals(item[1]);
            if (!done && markedDone(text)) {
                done = true;
                tracked = true;
            }
            text = LEADING_CHECK_MARK.matcher(text).replaceAll("");
            if (text.isEmpty()) continue;
            String key = PlainText.words(text);
            if (!key.isEmpty() && items.size() < MAX_ITEMS) items.putIfAbsent(key, new ActionItem(text, done, ActionThemes.of(text), tracked));
        }
        return List.copyOf(items.values());
    }

    /** Every match of {@link #DONE_MARK} holds a check mark or one of these words. */
    private static final PlainText.Needles DONE_WORDS = new PlainText.Needles(List.of("done", "complete"));

    /**
     * {@code DONE_MARK.matcher(text).find()}, run only on an item with a check mark or a word of it: the regex
     * tries its seven ways at every character, and most items have none.
     */
    static boolean markedDone(String text) {
        boolean mayBe = text.indexOf('✅') >= 0 || text.indexOf('✔') >= 0 || text.indexOf('☑') >= 0
                || DONE_WORDS.anyIn(text);
        return mayBe && DONE_MARK.matcher(text).find();
    }

    /** Lessons: list items, or the paragraphs when the author wrote prose. */
    static List<String> lessons(List<SourceLine> lines) {
        List<String> out = new ArrayList<>();
        for (String[] item : items(lines)) out.add(item[0]);
        if (!out.isEmpty()) return out;
        StringBuilder para = new StringBuilder();
        for (SourceLine l : lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines) {
            if (l.isBlank()) {
                flush(para, out);
            } else {
                if (para.length() > 0) para.append(' ');
                para.append(PlainText.line(l.text().length() > 4000 ? l.text().substring(0, 4000) : l.text()));
            }
        }
        flush(para, out);
        return out.size() > MAX_ITEMS ? out.subList(0, MAX_ITEMS) : out;
    }

    private static void flush(StringBuilder para, List<String> out) {
        String p = para.toString().strip();
        if (!p.isEmpty() && out.size() < MAX_ITEMS) out.add(PlainText.clip(p, 600));
        para.setLength(0);
    }

    private static final Pattern CLOSING = Pattern.compile(
            "(?i)^(?:this (?:postmortem|post-mortem|incident|outage|report|document)|by implementing|in conclusion|overall"
                    + "|thank|these (?:measures|steps|actions|improvements|tasks)|we (?:aim|believe|are committed|hope|apologi[sz]e)"
                    + "|after (?:a|the) discussion|to prevent (?:similar|this|future)|the following)");
    private static final Pattern META_LABEL = Pattern.compile(
            "(?i)^(?:deadline|owner|due(?: date)?|status|priority|assignee|assigned to|responsible|eta|timeline|target date)\\s*:");

    /**
     * Authors who skip list markers write one measure per line. Those lines count as items, except an
     * introduction ending in a colon, a closing remark, or a metadata line ("Deadline: ...").
     */
    private static List<String[]> plainLines(List<SourceLine> lines) {
        List<String[]> out = new ArrayList<>();
        int read = 0;
        for (SourceLine l : lines) {
            if (l.isBlank()) continue;
            if (++read > MAX_LINES) break;
            String raw = l.text().length() > 4000 ? l.text().substring(0, 4000) : l.text();
            String plain = PlainText.line(raw);
            if (plain.isEmpty() || plain.endsWith(":") || raw.strip().startsWith("|") || raw.strip().startsWith("!")) continue;
            if (CLOSING.matcher(plain).lookingAt() || META_LABEL.matcher(plain).lookingAt()) continue;
            if (WHITE_SPACE.split(plain).length < 3 || plain.length() > 600) continue;
            String text = meaningful(raw.strip());
            if (text != null && out.size() < MAX_ITEMS) out.add(new String[] {PlainText.clip(text, 600), null});
        }
        return out;
    }

    /** Each item as {text, mark}: "x" ticked, " " an open check box, null a plain bullet; lazy continuation lines joined. */
    private static List<String[]> items(List<SourceLine> lines) {
        List<String[]> out = new ArrayList<>();
        StringBuilder current = null;
        String mark = null;
        int read = 0;
        for (SourceLine l : lines) {
            if (++read > MAX_LINES) break;
            String raw = l.text();
            if (raw.length() > 4000) raw = raw.substring(0, 4000);
            Matcher m = ITEM.matcher(raw);
            if (m.matches()) {
                finish(current, mark, out);
                current = new StringBuilder(m.group(2).strip());
                mark = m.group(1) == null ? null : m.group(1).isBlank() ? " " : "x";
            } else if (l.isBlank() || raw.strip().startsWith("#") || raw.strip().startsWith("|")) {
                finish(current, mark, out);
                current = null;
                mark = null;
            } else if (current != null && !raw.strip().isEmpty()) {
                current.append(' ').append(raw.strip());
            }
        }
        finish(current, mark, out);
        return out;
    }

    private static void finish(StringBuilder item, String mark, List<String[]> out) {
        if (item == null) return;
        String text = meaningful(item.toString().strip());
        if (text != null && out.size() < MAX_ITEMS) out.add(new String[] {PlainText.clip(text, 600), mark});
    }

    /** Drops a {@code **Label:**} prefix when the rest says something; a label alone is a sub-heading. */
    private static String meaningful(String markdown) {
        Matcher bold = BOLD_LABEL.matcher(markdown);
        if (bold.matches()) {
            String rest = PlainText.inline(bold.group(2));
            if (rest.isEmpty()) return null;
            if (WHITE_SPACE.split(rest).length >= 3) return rest;
            return PlainText.inline(bold.group(1)) + ": " + rest;
        }
        String plain = PlainText.inline(markdown);
        if (plain.isEmpty() || plain.endsWith(":") && WHITE_SPACE.split(plain).length <= 5) return null;
        return plain;
    }
}
