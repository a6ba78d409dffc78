package dev.pmkb.understand;

import dev.pmkb.model.Facts;
import dev.pmkb.model.IncidentTime.ZoneResolution;
import dev.pmkb.model.Postmortem;
import dev.pmkb.read.SourceReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five seed postmortems, each read in full by a person who wrote down what a careful reviewer would.
 * Where a seed is ambiguous the assertion says what is ambiguous instead of pinning one reading.
 */
class SeedsTest {

    private static Facts seed(String prefix) throws IOException {
        Path dir = SharedFiles.folder("seeds");
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
        Postmortem p = Understander.defaults().understand(SourceReader.parse(file.getFileName().toString(), Files.readAllBytes(file)));
        return p.facts();
    }

    private static void assertWindow(Facts f, String start, String end, String zone, Duration duration) {
        assertEquals(OffsetDateTime.parse(start), f.start().instant().orElseThrow(), "start");
        assertEquals(OffsetDateTime.parse(end), f.end().instant().orElseThrow(), "end");
        assertEquals(zone, f.start().zone(), "zone as written");
        assertEquals(ZoneResolution.EXPLICIT, f.start().resolution());
        assertEquals(duration, f.duration(), "duration");
        assertEquals(Facts.DurationOrigin.COMPUTED, f.durationOrigin());
    }

    @Test
    void seed000_wat_range_over_two_days() throws IOException {
        Facts f = seed("000_");
        assertWindow(f, "2023-05-11T09:00+01:00", "2023-05-12T13:00+01:00", "WAT", Duration.ofHours(28));
        // "affecting all users. Approximately 90% of users were affected during peak hours": the number wins.
        assertEquals(90.0, f.impact().usersPercent());
        assertEquals("connection-pool-exhaustion", f.causes().primary());
        assertTrue(f.causes().slugs().contains("config-change"), f.causes().toString());
        assertEquals(9, f.actionItems().size());
    }

    @Test
    void seed001_nested_start_end_in_utc() throws IOException {
        Facts f = seed("001_");
        assertWindow(f, "2024-01-15T09:45Z", "2024-01-15T12:30Z", "UTC", Duration.ofMinutes(165));
        assertEquals(30.0, f.impact().usersPercent());
        assertEquals(List.of("connection-pool-exhaustion", "config-change"), f.causes().slugs().subList(0, 2));
        assertEquals("monitoring alert", f.detection().how());
    }

    @Test
    void seed002_pst_written_in_june() throws IOException {
        Facts f = seed("002_");
        // The author wrote PST; PST is UTC-8 even in June (PDT would be UTC-7). Kept as written, with a warning.
        assertWindow(f, "2023-06-15T08:00-08:00", "2023-06-15T11:30-08:00", "PST", Duration.ofMinutes(210));
        assertNull(f.impact().usersPercent(), "no share of users is stated");
        assertEquals("connection-pool-exhaustion", f.causes().primary());
        assertTrue(f.causes().slugs().containsAll(List.of("config-change", "human-error")), f.causes().toString());
    }

    @Test
    void seed003_gmt_plus_one_is_utc_plus_one() throws IOException {
        Facts f = seed("003_");
        // Impact says "downtime: 30 minutes", but start and end are stated: the window is 2 h 30 min.
        assertWindow(f, "2023-11-12T09:15+01:00", "2023-11-12T11:45+01:00", "GMT+1", Duration.ofMinutes(150));
        assertEquals(12.0, f.impact().usersPercent());
        assertEquals("resource-leak", f.causes().primary());
        assertTrue(f.causes().slugs().containsAll(List.of("connection-pool-exhaustion", "bad-deploy")), f.causes().toString());
    }

    @Test
    void seed004_two_root_cause_statements() throws IOException {
        Facts f = seed("004_");
        assertWindow(f, "2023-11-10T09:30Z", "2023-11-10T11:45Z", "UTC", Duration.ofMinutes(135));
        assertEquals(78.0, f.impact().usersPercent());
        // Ambiguous: one paragraph names pool exhaustion as the root cause, the other calls inefficient queries
        // from a deployment "the primary issue". Both must lead, in either order, with the deployment after.
        assertEquals(Set.of("connection-pool-exhaustion", "inefficient-query"), Set.copyOf(f.causes().slugs().subList(0, 2)));
        assertTrue(f.causes().slugs().contains("bad-deploy"), f.causes().toString());
    }
}
