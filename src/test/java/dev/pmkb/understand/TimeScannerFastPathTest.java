package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@link TimeScanner} does not run its date and time patterns over every character: each digit-led pattern is
 * tried only at the runs of digits its {@code DigitStart} allows, month-first dates only at a month's initial with
 * a digit close after it, numeric dates only around a separator between digits. Here each of those searches
 * must find exactly what a plain {@code Matcher.find()} loop over the same pattern finds, on random text made of
 * what dates and times are written with.
 *
 * <p>The searches and patterns are the scanner's own, reached by reflection so that the scanner keeps them
 * private: every {@code DigitStart} is checked with the pattern constant of the same name, so a format added
 * with a new {@code DigitStart} is checked without touching this test.
 */
class TimeScannerFastPathTest {

    private static final int TRIES = 1500;

    private static final Class<?> RUNS = nested("DigitRuns");
    private static final Class<?> DIGIT_START = nested("DigitStart");
    private static final Method RUNS_OF = method(RUNS, "of", String.class);
    private static final Method STARTING_AT_DIGIT = method(TimeScanner.class, "findStartingAtDigit",
            Matcher.class, String.class, int.class, RUNS, DIGIT_START);
    private static final Method MONTH_FIRST = method(TimeScanner.class, "findMonthFirst",
            Matcher.class, String.class, int.class, RUNS);
    private static final Method NUMERIC_DATE = method(TimeScanner.class, "findNumericDate",
            Matcher.class, String.class, int.class);

    /** One of the scanner's searches: {@code find(matcher, text, from, runs)} answers {@code matcher.find(from)}. */
    private interface Search {
        boolean find(Matcher m, String text, int from, Object runs);
    }

    /**
     * @param kept which matches the scanner reads (the others it passes over and searches on from their end):
     *             all of them, except for {@code CLOCK_TIME}, whose matches count only with minutes or AM/PM
     */
    private record Checked(String name, Pattern pattern, Search search, Predicate<Matcher> kept) {
        Checked(String name, Pattern pattern, Search search) {
            this(name, pattern, search, name.equals("CLOCK_TIME") ? m -> m.group(2) != null || m.group(4) != null : m -> true);
        }
    }

    @TestFactory
    List<DynamicTest> eachFastSearchFindsWhatAPlainFindLoopFinds() {
        List<Checked> searches = new ArrayList<>();
        for (Object start : DIGIT_START.getEnumConstants()) {
            String name = ((Enum<?>) start).name();
            searches.add(new Checked(name, pattern(name),
                    (m, text, from, runs) -> (boolean) call(STARTING_AT_DIGIT, m, text, from, runs, start)));
        }
        searches.add(new Checked("MONTH_FIRST", pattern("MONTH_FIRST"),
                (m, text, from, runs) -> (boolean) call(MONTH_FIRST, m, text, from, runs)));
        searches.add(new Checked("NUMERIC_DATE", pattern("NUMERIC_DATE"),
                (m, text, from, runs) -> (boolean) call(NUMERIC_DATE, m, text, from)));
        assertFalse(searches.isEmpty());
        return searches.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> Property.forAllTexts(TRIES,
                TimeScannerFastPathTest::dateAndTimeText,
                text -> assertEquals(plainFind(s, text), fastFind(s, text), s.name())))).toList();
    }

    /**
     * Text made of what dates and times are written with, run together or spaced, with some noise; a third of
     * the tokens are whole numeric shapes ({@code 12:05}, {@code 2024.3.01}, {@code 0930}) that single tokens
     * would rarely line up into.
     */
    static List<String> dateAndTimeText(Random random) {
        List<String> tokens = Property.tokens(random, 24, Tokens.DIGITS, Tokens.DIGITS, Tokens.SEPARATORS,
                Tokens.SEPARATORS, Tokens.AM_PM, Tokens.ZONES, Tokens.MONTHS, Tokens.WORDS, Tokens.NON_ASCII,
                Tokens.LINE_BREAKS);
        for (int i = 0; i < tokens.size(); i++) {
            if (random.nextInt(3) == 0) tokens.set(i, numericShape(random));
        }
        return tokens;
    }

    private static String numericShape(Random random) {
        String separators = ":./-";
        StringBuilder b = new StringBuilder(Property.digits(random, 4));
        int parts = random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            b.append(separators.charAt(random.nextInt(separators.length()))).append(Property.digits(random, 4));
        }
        if (random.nextBoolean()) b.append(Property.one(random, Tokens.AM_PM, Tokens.WORDS, List.of("hrs", "h", " h")));
        return b.toString();
    }

    private static List<String> plainFind(Checked search, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = search.pattern().matcher(text);
        while (m.find()) {
            if (search.kept().test(m)) found.add(describe(m));
        }
        return found;
    }

    /** The loop the scanner runs: the next search starts where the last match ended. */
    private static List<String> fastFind(Checked search, String text) {
        List<String> found = new ArrayList<>();
        Object runs = call(RUNS_OF, text);
        Matcher m = search.pattern().matcher(text);
        for (int from = 0; search.search().find(m, text, from, runs); from = m.end()) {
            if (search.kept().test(m)) found.add(describe(m));
        }
        return found;
    }

    private static String describe(Matcher m) {
        StringBuilder b = new StringBuilder().append(m.start()).append('-').append(m.end());
        for (int g = 1; g <= m.groupCount(); g++) b.append(' ').append(m.group(g));
        return b.toString();
    }

    private static Pattern pattern(String name) {
        try {
            Field f = TimeScanner.class.getDeclaredField(name);
            f.setAccessible(true);
            return (Pattern) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("TimeScanner has no pattern constant " + name
                    + ": each DigitStart is checked with the pattern of its name", e);
        }
    }

    private static Class<?> nested(String name) {
        try {
            return Class.forName(TimeScanner.class.getName() + "$" + name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("TimeScanner." + name + " is gone: update this test to its fast searches", e);
        }
    }

    private static Method method(Class<?> owner, String name, Class<?>... parameters) {
        try {
            Method m = owner.getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(owner.getSimpleName() + "." + name + " changed: update this test to its fast searches", e);
        }
    }

    /** Calls one of the scanner's static helpers. */
    private static Object call(Method method, Object... arguments) {
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
