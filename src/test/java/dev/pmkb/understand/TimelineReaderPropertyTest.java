package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link TimelineReader} once matched every entry's words against its table header pattern; it now passes over an
 * entry whose first letter cannot start a header. On any line it must answer as the pattern alone answered.
 */
class TimelineReaderPropertyTest {

    /** The header pattern as it is written in {@link TimelineReader}, tried on every line. */
    private static final Pattern TABLE_HEADER = Pattern.compile(
            "(?:time|timestamp|when)(?: utc)?(?: \\w+)? (?:event|description|action|what happened|details?)(?: \\w+)?");

    private static final List<String> HEADER_WORDS = List.of("time", "Time", "TIME", "timestamp", "Timestamp", "when",
            "When", "WHEN", "utc", "UTC", "event", "Event", "description", "action", "what happened", "details", "detail",
            "t", "w", "T", "W", "\u0130", "ſ", "\u212A", "tİme", "1", "09:15", "|", "**", "_", "(", ")", " ", "  ", "—");

    @Test
    void tableHeaderIsAnsweredAsByThePatternAlone() {
        Property.forAllTexts(4000, random -> Property.tokens(random, 8, HEADER_WORDS, Tokens.WORDS, Tokens.NON_ASCII,
                Tokens.SEPARATORS), line -> assertEquals(TABLE_HEADER.matcher(PlainText.words(line)).matches(),
                TimelineReader.isTableHeader(line), line));
    }

    @Test
    void aHeaderStillReadsAsOne() {
        assertEquals(true, TimelineReader.isTableHeader("**Time (UTC)** — Event"));
        assertEquals(true, TimelineReader.isTableHeader("  When — What happened"));
        assertEquals(false, TimelineReader.isTableHeader("Detection — Event"));
    }
}
