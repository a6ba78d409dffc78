package dev.pmkb.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderLinesTest {

    @Test
    void linesAreCutWhereTheRegexWouldCutThem() {
        String[] samples = {"", "\n", "\r\n", "\r", "a", "a\n", "a\r\nb", "a\rb\n", "\r\r\n\n", "title=x\n~~~~~~\nbody\r\n",
                "a\n\nb\r\n\r\n", "\n\r"};
        for (String text : samples) {
            assertEquals(Arrays.asList(text.split("\r?\n", -1)), HeaderParser.lines(text), text);
        }
        Random random = new Random(7);
        char[] alphabet = {'a', ' ', '\r', '\n', '-'};
        for (int i = 0; i < 2_000; i++) {
            char[] text = new char[random.nextInt(12)];
            for (int c = 0; c < text.length; c++) text[c] = alphabet[random.nextInt(alphabet.length)];
            String s = new String(text);
            assertEquals(Arrays.asList(s.split("\r?\n", -1)), HeaderParser.lines(s), s.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }
}
