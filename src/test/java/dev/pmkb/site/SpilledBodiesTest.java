package dev.pmkb.site;

import dev.pmkb.model.ParsedBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A body kept in the bake's spill file reads back as it was written, and the file leaves no trace. */
class SpilledBodiesTest {

    @Test
    void aSpilledBodyReadsBackTheSameTextsEachTime(@TempDir Path tmp) {
        try (SpilledBodies bodies = SpilledBodies.in(tmp)) {
            ParsedBody held = new ParsedBody("<p>Latency — 40 ms? “yes” 😀</p>", "Latency — 40 ms? “yes” 😀", false);
            ParsedBody other = new ParsedBody("<pre>x</pre>", "x", true);
            ParsedBody spilled = bodies.spill((ParsedBody.Held) held.texts(), held.verbatim());
            ParsedBody spilledOther = bodies.spill((ParsedBody.Held) other.texts(), other.verbatim());
            assertInstanceOf(ParsedBody.Stored.class, spilled.texts());
            assertEquals(held.unsafeHtml(), spilled.unsafeHtml());
            assertEquals(held.text(), spilled.text());
            assertEquals(held.text(), spilled.text());
            assertEquals(other.unsafeHtml(), spilledOther.unsafeHtml());
            assertTrue(spilledOther.verbatim());
            assertEquals(held, spilled);
            assertEquals(held.hashCode(), spilled.hashCode());
        }
    }

    @Test
    void aTextUtf8CannotCarryStaysInTheHeap(@TempDir Path tmp) {
        try (SpilledBodies bodies = SpilledBodies.in(tmp)) {
            ParsedBody lone = new ParsedBody("<p>a\uD800b?</p>", "a\uD800b?", false);
            assertNull(bodies.spill((ParsedBody.Held) lone.texts(), false));
        }
    }

    @Test
    void theFileIsGoneWhileInUseAndItsBodiesCannotBeReadAfterTheBake(@TempDir Path tmp) throws IOException {
        ParsedBody spilled;
        try (SpilledBodies bodies = SpilledBodies.in(tmp)) {
            spilled = bodies.spill(new ParsedBody.Held("<p>a</p>", "a"), false);
            assertEquals("a", spilled.text());
            try (var files = Files.list(tmp)) {
                assertEquals(0, files.count(), "deleted as soon as it is open");
            }
        }
        ParsedBody afterwards = spilled;
        assertThrows(UncheckedIOException.class, afterwards::text);
    }

    @Test
    void whereNoFileCanBeMadeBodiesStayInTheHeap(@TempDir Path tmp) throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
        try (SpilledBodies bodies = SpilledBodies.in(notAFolder)) {
            assertNull(bodies.spill(new ParsedBody.Held("<p>a</p>", "a"), false));
        }
    }
}
