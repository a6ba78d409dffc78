package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Understander#headerDate} reads a plain {@code yyyy-MM-dd} by hand, without the ISO formatter; on any
 * header value it must answer as the formatters and the date-time pattern did.
 */
class HeaderDatePropertyTest {

    private static final Pattern HEADER_DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?\\s?(?:Z|UTC|[+-]\\d{2}:?\\d{2})?");
    private static final List<String> PARTS = List.of("2019", "0000", "9999", "2024", "-", "-", "01", "02", "12",
            "13", "00", "28", "29", "30", "31", "32", "7", " ", "T", "09:00", "Z", "+02:00", "\u0661", "+");

    @Test
    void readsWhatTheFormattersRead() {
        Property.forAllTexts(5000, random -> random.nextBoolean() ? Property.tokens(random, 7, PARTS) : List.of(
                        Property.one(random, List.of("", " ", "\t")), Property.one(random, YEARS), "-",
                        Property.one(random, DAYS), Property.one(random, List.of("-", "-", "/")),
                        Property.one(random, DAYS), Property.one(random, List.of("", "", " ", "T09:00", " 09:00 +0200", "x"))),
                value -> assertEquals(formatted(value), Understander.headerDate(value)));
    }

    private static final List<String> YEARS = List.of("2019", "2024", "2023", "0000", "9999", "1900", "2100", "999");
    private static final List<String> DAYS = List.of("01", "02", "09", "12", "13", "00", "28", "29", "30", "31", "32",
            "1", "\u0661\u0662");

    /** headerDate as it was: the ISO formatters, then Jekyll's and Hugo's date-times. */
    private static LocalDate formatted(String value) {
        String v = value.strip();
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return OffsetDateTime.parse(v).toLocalDate();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        Matcher m = HEADER_DATE_TIME.matcher(v);
        if (m.matches()) {
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
        return null;
    }
}
