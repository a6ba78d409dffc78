package dev.pmkb.site;

import dev.pmkb.model.Facts;
import dev.pmkb.model.ParsedBody;
import dev.pmkb.model.Postmortem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search export's entries per incident in the build cache. */
class KeptSearchExportTest {

    private static Postmortem incident(String text) {
        return new Postmortem("2024/db", "2024/db.md", "Database down", null, Postmortem.DateOrigin.NONE, false, null,
                text, new ParsedBody("", text, false), List.of());
    }

    @Test
    void anEntryIsFoundByTheIncidentsContentAndAnEditMissesIt(@TempDir Path tmp) {
        byte[] prepared = {1, 2, 3};
        Postmortem before = incident("The primary database ran out of connections.");
        KeptSearchExport first = new KeptSearchExport(tmp);
        first.keep(before, prepared);
        first.prune(); // puts what the bake kept in place for the next

        KeptSearchExport next = new KeptSearchExport(tmp);
        assertArrayEquals(prepared, next.kept(incident("The primary database ran out of connections.")));
        assertNull(next.kept(incident("The primary database ran out of disk.")), "another text, another key");
        assertNull(next.kept(before.withTitle("Database down again")), "another title, another key");
        Postmortem withCause = new Postmortem(before.id(), before.source(), before.title(), null,
                Postmortem.DateOrigin.NONE, false, new Facts(null, null, null, null, null, dev.pmkb.model.Impact.NONE, List.of(), List.of(),
                dev.pmkb.model.Detection.NONE, List.of(), "A leaking job.", null, List.of(), List.of(), null), before.markdown(),
                before.body(), List.of());
        assertNull(next.kept(withCause), "another root cause, another key");
        assertEquals(List.of(), next.problems());
    }

    @Test
    void aDamagedEntryIsMissingAndNoted(@TempDir Path tmp) throws Exception {
        Postmortem p = incident("The primary database ran out of connections.");
        KeptSearchExport first = new KeptSearchExport(tmp);
        first.keep(p, new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        first.prune();
        Path entry;
        try (Stream<Path> files = Files.walk(tmp)) {
            entry = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(entry, bytes);
        KeptSearchExport next = new KeptSearchExport(tmp);
        assertNull(next.kept(p));
        assertTrue(next.problems().stream().anyMatch(m -> m.contains("damaged")), next.problems().toString());
    }
}
