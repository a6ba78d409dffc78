package dev.pmkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pmkb.model.Postmortem;
import dev.pmkb.model.Related;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Kept terms that were damaged are refused, or at worst relate differently: they never fail relating. */
class IncidentTermsTest {

    private static final Postmortem FIRST = Library.incidents().getFirst();

    private static byte[] encoded() {
        Map<String, Integer> numbers = new ConcurrentHashMap<>();
        TermScanner scanner = new TermScanner(new PmkbAnalyzer(), term -> numbers.computeIfAbsent(term,
                t -> numbers.size()));
        return IncidentTerms.read(FIRST, scanner).terms().encode();
    }

    /** Relates the library with the first incident's terms taken as {@code kept}. */
    private static Map<String, List<Related>> relatedWith(IncidentTerms kept) {
        return RelatedIncidents.compute(Library.incidents(), 5, null,
                (incident, read) -> incident == FIRST ? kept : read.apply(incident));
    }

    @Test
    void keptTermsRelateAsReadOnes() throws Exception {
        assertEquals(RelatedIncidents.compute(Library.incidents()), relatedWith(IncidentTerms.decode(encoded())));
    }

    @Test
    void aTruncatedEntryIsRefused() {
        byte[] whole = encoded();
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThrows(IncidentTerms.DamagedException.class, () -> IncidentTerms.decode(cut), "cut at " + length);
        }
    }

    @Test
    void anEntryOfAnotherEncodingOrWithBytesAfterItIsRefused() {
        byte[] whole = encoded();
        byte[] later = whole.clone();
        later[0] = 2;
        assertThrows(IncidentTerms.DamagedException.class, () -> IncidentTerms.decode(later));
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        assertThrows(IncidentTerms.DamagedException.class, () -> IncidentTerms.decode(longer));
    }

    @Test
    void aChangedByteIsRefusedOrStillRelates() {
        byte[] whole = encoded();
        int refused = 0;
        int[] changes = {0x01, 0x40, 0x80, 0xff};
        for (int at = 0; at < whole.length; at++) {
            byte[] damaged = whole.clone();
            damaged[at] ^= (byte) changes[at % changes.length];
            IncidentTerms decoded;
            try {
                decoded = IncidentTerms.decode(damaged);
            } catch (IncidentTerms.DamagedException e) {
                refused++;
                continue;
            }
            // a letter changed, a number within range: other lists, never a failure (the cache's checksum finds these)
            Map<String, List<Related>> lists = relatedWith(decoded);
            assertEquals(Library.incidents().size(), lists.size(), "byte " + at);
        }
        assertTrue(refused > 0, "no change refused");
    }
}
