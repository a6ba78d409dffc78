package dev.pmkb.understand;

import dev.pmkb.model.IncidentTime;
import dev.pmkb.model.IncidentTime.ZoneResolution;
import dev.pmkb.read.SourceReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZonesTest {

    private static final ZoneRules RULES = ZoneRules.defaults();
    private static final LocalDate WINTER = LocalDate.of(2024, 1, 15);
    private static final LocalDate SUMMER = LocalDate.of(2024, 7, 15);

    private static ZoneRules.Resolved resolve(String zone, LocalDate date) {
        return RULES.resolve(zone, date, LocalTime.NOON);
    }

    @Test
    void humanGmtPlusOneIsOneHourAheadOfUtc() {
        assertEquals(ZoneOffset.ofHours(1), resolve("GMT+1", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(1), resolve("(GMT+1)", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(3), resolve("UTC+3", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(-5), resolve("UTC-5", WINTER).offset());
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), resolve("+05:30", WINTER).offset());
        assertEquals(ZoneResolution.EXPLICIT, resolve("GMT+1", WINTER).resolution());
    }

    @Test
    void unambiguousAbbreviationsAndNames() {
        assertEquals(ZoneOffset.ofHours(1), resolve("WAT", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(1), resolve("West African Time", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(1), resolve("West Africa Time", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(3), resolve("EAT", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(2), resolve("CAT", WINTER).offset());
        assertEquals(ZoneOffset.UTC, resolve("Z", WINTER).offset());
        assertEquals(ZoneOffset.UTC, resolve("UTC timezone", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(-4), resolve("Eastern Daylight Time", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(1), resolve("Africa/Lagos", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(9), resolve("JST", WINTER).offset());
    }

    @Test
    void regionNamesResolveByDate() {
        assertEquals(ZoneOffset.ofHours(-8), resolve("Pacific Time", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(-7), resolve("Pacific Time", SUMMER).offset());
        assertEquals(ZoneOffset.ofHours(-7), resolve("PT", SUMMER).offset());
        assertEquals(ZoneOffset.ofHours(-4), resolve("ET", SUMMER).offset());
        assertEquals(ZoneOffset.ofHours(2), resolve("CET/CEST", SUMMER).offset());
        // Without a date a daylight-saving zone has no single offset: nothing rather than a guess.
        assertNull(resolve("Pacific Time", null).offset());
    }

    @Test
    void ambiguousAbbreviationsUseTheDefaultAndSaySo() {
        ZoneRules.Resolved ist = resolve("IST", WINTER);
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), ist.offset());
        assertEquals(ZoneResolution.DEFAULT, ist.resolution());
        assertTrue(ist.note().contains("pmkb.zone.IST"), ist.note());
        assertEquals(ZoneOffset.ofHours(-6), resolve("CST", WINTER).offset());
        assertEquals(ZoneOffset.ofHours(1), resolve("BST", SUMMER).offset());
        assertEquals(ZoneOffset.ofHours(-4), resolve("AST", WINTER).offset());
    }

    @Test
    void siteConfigurationOverridesTheDefault() {
        Properties config = new Properties();
        config.setProperty("pmkb.zone.IST", "Asia/Jerusalem");
        config.setProperty("pmkb.zone.WSAT", "+03:00");
        ZoneRules site = ZoneRules.from(config);
        ZoneRules.Resolved ist = site.resolve("IST", WINTER, LocalTime.NOON);
        assertEquals(ZoneOffset.ofHours(2), ist.offset());
        assertEquals(ZoneResolution.DEFAULT, ist.resolution());
        assertEquals(ZoneOffset.ofHours(3), site.resolve("WSAT", WINTER, LocalTime.NOON).offset());
        assertEquals(ZoneResolution.EXPLICIT, site.resolve("WSAT", WINTER, LocalTime.NOON).resolution());

        Understander u = Understander.forSite(null, config);
        var p = u.understand(SourceReader.parse("x.md",
                "Start: 2024-01-15 09:00 IST\nEnd: 2024-01-15 10:00 IST\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ZoneOffset.ofHours(2), p.facts().start().offset());
    }

    @Test
    void unknownZoneIsKeptAsWrittenAndNeverTakenAsUtc() {
        var p = Docs.understand("""
                ## Summary
                It started at 07:30 PM on 2024-02-02 and was resolved by 07:55 PM West saudi arabia Time.
                """);
        IncidentTime start = p.facts().start();
        assertEquals("West saudi arabia Time", start.zone());
        assertEquals(ZoneResolution.UNKNOWN, start.resolution());
        assertNull(start.offset());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.message().startsWith("unknown time zone")), p.diagnostics().toString());
    }

    @Test
    void ambiguousZoneInADocumentIsAWarningAtItsLine() {
        var p = Docs.understand("""
                # DB failover

                Start: 2024-01-15 09:00 IST
                """);
        assertEquals(ZoneResolution.DEFAULT, p.facts().start().resolution());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.line() == 3 && d.message().startsWith("ambiguous time zone IST")),
                p.diagnostics().toString());
    }
}
