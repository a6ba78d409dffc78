package dev.pmkb.understand;

import dev.pmkb.testing.Property;
import dev.pmkb.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ImpactReader} tries its "N% of users" pattern only at the first digit of each number; on any text it
 * must find the match {@code find()} finds. Pattern and search are the reader's own, reached by reflection.
 */
class ImpactReaderFastPathTest {

    private static final List<String> SHARE = List.of("%", " %", "percent", "PERCENT", "per cent", "Per Cent", " of ",
            "of the ", "our ", "all ", "active ", "users", "Users", "customers", "requests", "traffic", "user base",
            "people", "the", ".", ",", "5", "30", "100", "12.5", "0.25", "1000", "-", "(", ")", "~", "30% of users",
            "12.5 percent of our customers", "100 % of the traffic", "5 per cent, all active users", "1.5%\tof requests");

    @Test
    void theFirstShareIsWhatAPlainFindFinds() throws ReflectiveOperationException {
        Field field = ImpactReader.class.getDeclaredField("PERCENT_BEFORE");
        field.setAccessible(true);
        Pattern pattern = (Pattern) field.get(null);
        Method search = ImpactReader.class.getDeclaredMethod("firstPercentBefore", String.class);
        search.setAccessible(true);
        Property.forAllTexts(2000, random -> Property.tokens(random, 20, SHARE, SHARE, SHARE, Tokens.DIGITS,
                Tokens.WORDS, Tokens.NON_ASCII, Tokens.SEPARATORS, Tokens.LINE_BREAKS), text -> {
            Matcher plain = pattern.matcher(text);
            Matcher fast;
            try {
                fast = (Matcher) search.invoke(null, text);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError(e);
            }
            assertEquals(plain.find() ? describe(plain) : null, fast == null ? null : describe(fast));
        });
    }

    private static final List<String> SERVICES = List.of("service", "Service", "SERVICES", "api", "API", "web site",
            "website", "web app", "web application", "application", "app", "apps", "server", "servers", "platform",
            "portal", "site", "database", "checkout", "login", "dashboard", "endpoint", "backend", "frontend", "the ",
            "our ", "payments ", "a-very-long-hyphenated-name ", "user_auth ", "x", "-", "_", "9", " ", "  ", "\t", ".");

    /** The services are what a plain {@code find()} loop finds, although the pattern is tried only near their words. */
    @Test
    void theServicesAreWhatPlainFindsFind() throws ReflectiveOperationException {
        Field field = ImpactReader.class.getDeclaredField("SERVICE");
        field.setAccessible(true);
        Pattern pattern = (Pattern) field.get(null);
        Property.forAllTexts(2000, random -> Property.tokens(random, 30, SERVICES, SERVICES, Tokens.WORDS,
                Tokens.NON_ASCII, Tokens.LINE_BREAKS), text -> {
            List<String> plain = new java.util.ArrayList<>();
            Matcher m = pattern.matcher(text);
            while (m.find()) plain.add(m.start() + "-" + m.end() + " " + m.group(1));
            List<String> fast = new java.util.ArrayList<>();
            Matcher f = pattern.matcher(text).useTransparentBounds(true);
            for (int from = 0; nextService(f, text, from); from = f.end()) fast.add(f.start() + "-" + f.end() + " " + f.group(1));
            assertEquals(plain, fast);
        });
    }

    private static boolean nextService(Matcher m, String text, int from) {
        try {
            Method next = ImpactReader.class.getDeclaredMethod("nextService", Matcher.class, String.class, int.class);
            next.setAccessible(true);
            return (boolean) next.invoke(null, m, text, from);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String describe(Matcher m) {
        return m.start() + "-" + m.end() + " " + m.group(1);
    }
}
