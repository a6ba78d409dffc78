package dev.pmkb.jbake;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page larger than one piece reaches its file whole, even where a piece ends inside a character. */
class PageWriterTest {

    @Test
    void aPageOfManyPiecesIsWrittenAsOneUtf8Text() throws IOException {
        StringBuilder page = new StringBuilder();
        // The emoji's two chars straddle the first piece's end; "é" and "—" are two and three bytes in UTF-8
        page.append("a".repeat(JBakeSite.PageWriter.PIECE - 1)).append("\uD83D\uDD25");
        while (page.length() < 3 * JBakeSite.PageWriter.PIECE) page.append("<li>café — \uD83D\uDD25</li>\n");
        String text = page.toString();
        int[] closed = new int[1];
        ByteArrayOutputStream file = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0]++;
            }
        };
        try (JBakeSite.PageWriter out = new JBakeSite.PageWriter(file)) {
            for (int i = 0; i < text.length(); i += 7) out.write(text, i, Math.min(7, text.length() - i));
            assertTrue(file.size() > 0, "a full piece is written before the page ends");
        }
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), file.toByteArray());
        assertEquals(1, closed[0], "the file is closed once");
    }
}
