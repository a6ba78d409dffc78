package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ListItems#markedDone} runs the done-mark regex only on items holding a check mark or one of its words;
 * on any item it must answer as the regex does.
 */
class ListItemsPropertyTest {

    private static final Pattern DONE_MARK = Pattern.compile("(?i)(?:✅|✔|☑|\\(done\\)|\\[done]|^done:|\\bcompleted?\\s*[.)]?$)");
    private static final List<String> ITEM = List.of("✅", "✔", "☑", "(done)", "[DONE]", "Done:", "done", "don",
            "completed", "Complete", "COMPLETED.", "complete)", "incomplete", "(", ")", "[", "]", ":", ".", " ", "  ",
            "\t", "add alerts", "x", "_", "ſ", "ı", "\u212A");

    @Test
    void markedDoneAnswersAsTheRegex() {
        Property.forAllTexts(3000, random -> Property.tokens(random, 12, ITEM, ITEM, Tokens.WORDS, Tokens.NON_ASCII),
                text -> assertEquals(DONE_MARK.matcher(text).find(), ListItems.markedDone(text)));
    }
}
