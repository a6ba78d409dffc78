package dev.pmkb.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberCodesTest {

    static String codes(int... values) {
        StringBuilder out = new StringBuilder();
        for (int v : values) NumberCodes.append(out, v);
        return out.toString();
    }

    @Test
    void smallNumbersTakeOneCharacterAndEveryNumberComesBack() {
        assertEquals("!", codes(0));
        assertEquals(1, codes(59).length());
        assertEquals(2, codes(60).length());
        assertEquals(2, codes(60 * 32 - 1).length());
        assertEquals(3, codes(60 * 32).length());
        Random random = new Random(7);
        int[] values = new int[5_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 4) {
                case 0 -> random.nextInt(60);
                case 1 -> random.nextInt(2_000);
                case 2 -> random.nextInt(1_000_000);
                default -> random.nextInt(Integer.MAX_VALUE);
            };
        }
        String codes = codes(values);
        assertEquals(-1, codes.indexOf('"'));
        assertEquals(-1, codes.indexOf('\\'));
        assertArrayEquals(values, NumberDecoder.decode(codes));
        assertThrows(IllegalArgumentException.class, () -> codes(-1));
    }

    @Test
    void frontCodingSharesPrefixesButNeverSplitsASurrogatePair() {
        List<String> terms = List.of("0", "00", "001", "connect", "connection", "x\uD835\uDC00", "x\uD835\uDC01", "ä", "äb");
        String coded = NumberCodes.frontCoded(terms);
        // shared lengths 0, 1, 2 are the codes !, # and $; x𝐀 and x𝐁 share "x" only, not half of the pair
        assertEquals("!0 #0 $1 !connect )ion !x\uD835\uDC00 #\uD835\uDC01 !ä #b", coded);
        assertEquals(terms, NumberDecoder.frontDecoded(coded));
        assertEquals(List.of(), NumberDecoder.frontDecoded(NumberCodes.frontCoded(List.of())));
    }
}
