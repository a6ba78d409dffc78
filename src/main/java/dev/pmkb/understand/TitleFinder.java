package dev.pmkb.understand;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the title an author gave a postmortem, the way a reader spots it at the top of the page: a {@code Title:}
 * line, a heading (ATX or setext), a bold line or a short first line; a descriptive heading right under a
 * generic one ("# Postmortem" then "## Checkout outage") wins over the generic one. Lines that are not titles
 * are passed over: a word count, an author line, a course's "Learning Objectives", a timeline entry, a URL, a
 * sentence of prose.
 */
final class TitleFinder {

    /** A title sits at the top: only this many non-blank lines are looked at. */
    private static final int HEAD_LINES = 25;
    /** Longer than this, a line is a sentence of prose, not a title. */
    private static final int MAX_TITLE_CHARS = 120;
    private static final int MAX_TITLE_WORDS = 16;

    /** {@code String.split("\\s+")} compiles its pattern on every call; this is asked of every candidate title. */
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern TITLE_LINE = Pattern.compile("(?i)^\\W{0,4}(?:incident )?title\\W{0,4}:\\W{0,4}(.+)$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}=+\\s*$");
    private static final Pattern URL = Pattern.compile("(?i)^\\W{0,3}(?:https?://|www\\.)\\S+\\W{0,3}$");
    /** "9:55 AM: Issue detected", "June 9, 2024, 12:15 PM (UTC): …", "02:00 - alerts": a timeline entry. */
    private static final Pattern TIMELINE_LINE = Pattern.compile(
            "(?i)^\\W{0,3}(?:(?:[a-z]{3,9}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4},? )|(?:\\d{4}-\\d{2}-\\d{2}[ ,T]*))?"
                    + "\\d{1,2}(?::\\d{2}|h\\d{2})\\s*(?:[ap]\\.?m\\.?)?\\s*(?:\\([^)]{1,20}\\)|[a-z]{2,5})?\\s*[-–—:|]");
    /** Metadata labels and course headings that stand at the top but name nothing. */
    private static final Pattern NOT_A_TITLE = Pattern.compile("(?i)^\\W{0,4}(?:word count|words|author|authors|by|written by"
            + "|name|date|dates|last modified|last updated|published|status|owner|version|learning objectives|objectives"
            + "|requirements|resources|tasks?|table of contents|contents|toc|scenario|context|background|start(?: time)?"
            + "|end(?: time)?|severity|incident (?:id|number|date)|subject|participants|description|abstract|duration|impact"
            + "|time of (?:the )?(?:outage|incident)|links?|useful links|important links|links importantes|note|notes)\\b\\s*(?::|$).*");
    /** Words that name the genre of the document, not the incident. */
    private static final Set<String> GENRE_WORDS = Set.of("postmortem", "postmortems", "postmorterm", "post", "mortem",
            "mortems", "incident", "incidents", "report", "reports", "project", "task", "tasks", "writeup", "write", "up",
            "here", "is", "a", "an", "my", "first", "the", "of", "for", "example", "title", "alx", "holberton", "school",
            "outage", "outages", "h1", "clipboard", "analysis", "document", "review", "this", "our", "and", "se",
            "sample", "template", "issue", "case", "study", "summary", "resumo", "notice", "0x19", "0x15", "system",
            "engineering", "devops", "web", "stack", "webstack", "debugging", "using", "on", "in");
    /** An image line: its alt text ("meme image", "alt text") names no incident. */
    private static final Pattern IMAGE = Pattern.compile("^(?:!\\[|\\[!\\[|<img\\b)", Pattern.CASE_INSENSITIVE);
    /** A plain line longer than this, or ending like a clause, is prose rather than a title. */
    private static final int MAX_PLAIN_WORDS = 12;
    private static final Pattern PROSE_END = Pattern.compile("[,;]$|\\p{L}{2}\\. \\p{Lu}");
    /** A line that is only a link ("- [Slack channel](https://…)"). */
    private static final Pattern LINK_ONLY = Pattern.compile("^(?:[-*+]\\s+)?[^\\[\\]()]{0,6}\\[[^\\]]{1,200}]\\([^)]{1,2000}\\)\\W*$");
    /** "This postmortem is…", "On May 2 the…", "We noticed…": the opening of prose, not a title. */
    private static final Pattern PREAMBLE_SENTENCE = Pattern.compile(
            "(?i)^\\W{0,4}(?:this|these|here|in this|the following|below|welcome|hello|hi|on|between|during"
                    + "|yesterday|today|we|i)\\b");
    /** "Duration: 2023-11-12 …", "Time of Outage: 2:35 PM": a field with a value, not a title. */
    private static final Pattern FIELD_WITH_NUMBER = Pattern.compile("^\\W{0,4}[A-Za-z][A-Za-z ]{1,30}\\s*:\\W{0,3}\\d");
    private static final Pattern NUMBERING = Pattern.compile("^(?:0x[0-9a-f]+|\\d+)$");

    private TitleFinder() {
    }

    /** The author's title in the first lines, or null when they hold none a reader would call one. */
    static String find(String[] lines) {
        String generic = null;
        boolean firstText = true;
        int seen = 0;
        for (int i = 0; i < lines.length && seen < HEAD_LINES; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            seen++;
            if (line.length() > 2000) {
                firstText = false;
                continue;
            }
            String raw = line.strip();
            if (IMAGE.matcher(raw).lookingAt() || LINK_ONLY.matcher(raw).matches()) continue;
            String plain = PlainText.line(line).strip();
            java.util.regex.Matcher titled = TITLE_LINE.matcher(plain);
            if (titled.matches()) {
                String t = Naming.clean(titled.group(1));
                if (isTitle(t) && !isGeneric(t)) return t;
            }
            LineShape shape = LineShape.of(line);
            boolean setext = i + 1 < lines.length && SETEXT_UNDERLINE.matcher(lines[i + 1]).matches() && !plain.isEmpty();
            String candidate = null;
            boolean plainLine = false;
            if (shape.isHeading()) {
                candidate = Naming.clean(shape.label());
            } else if (setext) {
                candidate = Naming.clean(plain);
            } else if (shape.emphasized() && !shape.nested() && shape.rest().isEmpty()) {
                candidate = Naming.clean(shape.label());
            } else if ((firstText || generic != null) && !plain.isEmpty()) {
                // A short first line, or a short line right under a generic heading, may be the title; prose may not.
                String t = Naming.clean(stripListMarker(plain));
                plainLine = true;
                if (WHITE_SPACE.split(t).length <= MAX_PLAIN_WORDS && !PROSE_END.matcher(t).find()) candidate = t;
                // Prose after a generic heading: a heading further down names a section, not the incident.
                else if (generic != null) break;
            }
            if (plain.chars().anyMatch(Character::isLetter)) firstText = false;
            if (candidate == null || candidate.isEmpty()) continue;
            if (SectionNames.kindOf(candidate) != null) {
                // The first section starts: the title, if any, was above it.
                if (shape.isHeading() || shape.emphasized() || SectionNames.isWholeName(candidate)) break;
                continue;
            }
            if (!isTitle(candidate)) {
                if (plainLine && generic != null) break;
                continue;
            }
            if (!isGeneric(candidate)) return candidate;
            if (generic == null) generic = candidate;
        }
        return generic;
    }

    private static String stripListMarker(String plain) {
        return plain.replaceFirst("^[-*+•]\\s+", "");
    }

    /** False for lines that stand at the top of a file but are no title of any kind. */
    static boolean isTitle(String t) {
        if (t == null || t.isBlank()) return false;
        if (t.length() > MAX_TITLE_CHARS || WHITE_SPACE.split(t).length > MAX_TITLE_WORDS) return false;
        if (URL.matcher(t).matches() || t.contains("://") || TIMELINE_LINE.matcher(t).lookingAt() || NOT_A_TITLE.matcher(t).matches()
                || PREAMBLE_SENTENCE.matcher(t).lookingAt() || FIELD_WITH_NUMBER.matcher(t).lookingAt()) {
            return false;
        }
        // A sentence of prose ends with a full stop and says a lot; a title rarely does.
        if (t.endsWith(".") && WHITE_SPACE.split(t).length > 8) return false;
        return PlainText.words(t.toLowerCase(Locale.ROOT)).chars().anyMatch(Character::isLetter);
    }

    /** True for a title that only names the genre: "Postmortem", "0x19. Postmortem", "Post-Mortem Report". */
    static boolean isGeneric(String t) {
        if (t == null) return true;
        String words = PlainText.words(t.toLowerCase(Locale.ROOT));
        if (words.isBlank()) return true;
        for (String w : words.split(" ")) {
            if (w.isEmpty() || GENRE_WORDS.contains(w) || NUMBERING.matcher(w).matches()) continue;
            return false;
        }
        return true;
    }

    /** True for a title a reader can tell apart from others in a list. */
    static boolean isInformative(String t) {
        return isTitle(t) && !isGeneric(t);
    }
}
