package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link CauseClassifier} asks whether a clause names a fault in a configuration with a search that tries its
 * pattern only where one of the pattern's first words starts; on any clause it must answer as a plain
 * {@code find()} of that pattern does.
 */
class CauseClassifierPropertyTest {

    private static final List<String> CONFIG = List.of("typo", "Typo", "TYPOS", "bug", "errors", "syntax error", "change",
            "changes", "update", "modification", "edit", "mistake", "fault", "flaw", "config", "Configuration", "CONFIG",
            "setting", "settings", "conf", "cfg", "conf file", "manifest", "nginx.conf", "values.yaml", "app.yml", "file",
            "rollout", "roll out", "deploy", "deployed", "push", " in ", " to ", " of ", "setting ", "Settings ",
            "config ", "configuration ", "change ", "typo ", "the ", "our ", "an ", "its ",
            "nginx ", "load balancer ", "ssl ", " ", "-", ".", "_", "s", "x", "ſ", "\u212A");

    @Test
    void namesAConfigFaultWhereverThePatternFindsOne() throws ReflectiveOperationException {
        Field field = CauseClassifier.class.getDeclaredField("CONFIG_FAULT");
        field.setAccessible(true);
        Pattern pattern = (Pattern) field.get(null);
        Property.forAllTexts(3000, random -> Property.tokens(random, 16, CONFIG, CONFIG, CONFIG, Tokens.WORDS,
                Tokens.NON_ASCII, Tokens.LINE_BREAKS), clause ->
                assertEquals(pattern.matcher(clause).find(), CauseClassifier.namesConfigFault(clause), "find"));
    }
}
