package dev.pmkb.read;

import java.time.LocalDate;
import java.time.Year;

/**
 * Every bound pmkb puts on one postmortem, in one place. Each keeps one hostile or broken file from stopping or
 * stalling the bake of a whole library; each is far above what a real postmortem needs, so that none changes what
 * pmkb reads from one.
 */
public final class Limits {

    /**
     * The earliest year an incident may be dated: no postmortem of a computer system is older, and a mistyped or
     * hostile year (+99999) would otherwise stretch the per-month chart over thousands of years, or overflow a
     * date computation.
     */
    public static final int FIRST_YEAR = 1970;

    /** The latest year an incident may be dated, as an offset from the current one (a postmortem of next January). */
    public static final int YEARS_AHEAD = 1;

    /**
     * Files larger than this are not read: the largest postmortem of the 140-file corpus is under 100 KB, and
     * reading and parsing a file costs several times its size in memory.
     */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    /**
     * Levels of lists and quotes flexmark may be given. Its parser and renderer are quadratic in the depth (800
     * levels of indented lists: 3 s; 2,000: 199 s) and recurse once per level; real postmortems nest under ten.
     * Deeper Markdown is shown as written.
     */
    public static final int MAX_NESTING = 100;

    /**
     * Lines of one paragraph or table flexmark may be given: it re-reads a paragraph once per line (20,000 lines of
     * links or table rows: 9 s and more). A real table or paragraph has a few hundred; longer is shown as written.
     */
    public static final int MAX_BLOCK_LINES = 2_000;

    /**
     * Links ({@code ](}) of one paragraph flexmark may be given: it searches the rest of the paragraph for the end
     * of each unclosed one (80,000 in a row: 2 minutes). Longer is shown as written.
     */
    public static final int MAX_BLOCK_LINKS = 2_000;

    /**
     * The longest id in UTF-8 bytes (and so the longest page file name, with {@code .html}): most file systems refuse
     * names over 255 bytes, and the folders of the source path join into the one name.
     */
    public static final int MAX_ID_BYTES = 180;

    /** The longest title kept: longer ones are cut, so that lists and the page's {@code <title>} stay readable. */
    public static final int MAX_TITLE_CHARS = 160;

    /** A JBake header is only looked for this far down, so a body line of tildes is not mistaken for one. */
    public static final int MAX_HEADER_LINES = 60;

    /** Plain text kept of one section: facts are clipped far below this; reading further only costs time. */
    public static final int MAX_SECTION_TEXT = 100_000;

    /** Lines longer than this are paragraphs: never looked at as headings or labels, which also bounds regex work. */
    public static final int MAX_LABEL_LINE = 400;

    /** Lines read for a title: a title is at the top; a file of 100,000 blank-ish lines is not read to its end. */
    public static final int MAX_TITLE_LINES = 399;

    /** Lines longer than this are prose paragraphs: only their start is scanned for the incident's start and end. */
    public static final int MAX_SCANNED_LINE = 2000;

    /** Lines of a summary or duration section scanned for the incident's window: it is stated near the top. */
    public static final int MAX_WINDOW_LINES = 300;

    /** Characters of a timeline line read: an entry is a sentence or two, not a pasted log. */
    public static final int MAX_TIMELINE_LINE = 2000;

    /** Timeline entries read: no real timeline is longer; a generated 10 MB one is not read to its end. */
    public static final int MAX_TIMELINE_ENTRIES = 2000;

    /** Action items or lessons kept per postmortem: more is a pasted backlog, not a postmortem's list. */
    public static final int MAX_LIST_ITEMS = 200;

    /** Lines read per list: far more than any real list, few enough to keep a huge file fast. */
    public static final int MAX_LIST_LINES = 5000;

    private Limits() {
    }

    /** The last year an incident may be dated, now. */
    public static int lastYear() {
        return Year.now().getValue() + YEARS_AHEAD;
    }

    /** True when {@code date} lies within {@link #FIRST_YEAR} and {@link #lastYear()}. */
    public static boolean isPlausible(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= lastYear();
    }
}
