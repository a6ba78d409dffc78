package dev.pmkb.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-test runner: a property is checked on many generated inputs, and a failing input is shrunk
 * to a small one before it is reported, with the seed that reproduces the run.
 *
 * <p>Why not jqwik: from 1.10 on its maintainer asks, in an "Anti-AI Usage Clause" in its user guide and in a
 * line it prints on every run, that it not be used with AI coding agents, and pmkb is partly written by them.
 * Versions before 1.10 carry no clause, but picking one only to avoid it would ignore the same wish.
 *
 * <p>Each run draws a fresh seed, so every build tries new inputs; {@code -Dpmkb.property.seed=N} replays the
 * run a failure names. A test's inputs are lists of tokens (digits, separators, words, marks) joined into a
 * text, which makes shrinking simple and keeps the failure readable: whole tokens are dropped first, then
 * characters, as long as the property still fails.
 */
public final class Property {

    private static final String SEED = "pmkb.property.seed";

    private Property() {
    }

    /** Checks {@code property} on {@code tries} texts of {@code generator}; shrinks and reports a failing one. */
    public static void forAllTexts(int tries, Function<Random, List<String>> generator, Consumer<String> property) {
        forAll(tries, random -> List.of(generator.apply(random)), parts -> property.accept(String.join("", parts.getFirst())),
                parts -> show(parts.getFirst()));
    }

    /**
     * Checks {@code property} on {@code tries} inputs, each made of parts ({@code parts.get(i)} are the tokens of
     * the i-th part: a pattern's words, a text, ...); a failing input is shrunk part by part.
     */
    public static void forAll(int tries, Function<Random, List<List<String>>> generator,
                              Consumer<List<List<String>>> property, Function<List<List<String>>, String> show) {
        long seed = Long.getLong(SEED, new Random().nextLong());
        Random random = new Random(seed);
        for (int i = 0; i < tries; i++) {
            List<List<String>> input = generator.apply(random);
            if (failure(property, input) == null) continue;
            List<List<String>> small = shrink(input, property);
            Throwable smallFailure = failure(property, small);
            throw new AssertionError("property fails on try " + (i + 1) + " of " + tries
                    + " (replay with -D" + SEED + "=" + seed + ")\n  shrunk input: " + show.apply(small)
                    + "\n  failure:      " + smallFailure.getMessage()
                    + "\n  first input:  " + show.apply(input), smallFailure);
        }
    }

    /** The tokens as one Java string literal, line breaks and other invisible characters escaped. */
    public static String show(List<String> tokens) {
        return literal(String.join("", tokens));
    }

    public static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private static Throwable failure(Consumer<List<List<String>>> property, List<List<String>> input) {
        try {
            property.accept(input);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    /**
     * A smaller input that still fails: in each part, drop runs of tokens (halves, then quarters, down to single
     * ones), then characters inside the tokens that are left; repeated until nothing more can go.
     */
    private static List<List<String>> shrink(List<List<String>> input, Consumer<List<List<String>>> property) {
        List<List<String>> current = new ArrayList<>();
        for (List<String> part : input) current.add(new ArrayList<>(part));
        boolean smaller = true;
        for (int rounds = 0; smaller && rounds < 50; rounds++) {
            smaller = false;
            for (int p = 0; p < current.size(); p++) {
                for (int chunk = Math.max(1, current.get(p).size() / 2); chunk >= 1; chunk /= 2) {
                    for (int from = 0; from + chunk <= current.get(p).size(); ) {
                        List<String> part = current.get(p);
                        List<String> shorter = new ArrayList<>(part.subList(0, from));
                        shorter.addAll(part.subList(from + chunk, part.size()));
                        if (stillFails(property, current, p, shorter)) {
                            smaller = true;
                        } else {
                            from++;
                        }
                    }
                    if (chunk == 1) break;
                }
                for (int t = 0; t < current.get(p).size(); t++) {
                    for (int c = 0; c < current.get(p).get(t).length(); ) {
                        List<String> part = new ArrayList<>(current.get(p));
                        String token = part.get(t);
                        part.set(t, token.substring(0, c) + token.substring(c + 1));
                        if (stillFails(property, current, p, part)) {
                            smaller = true;
                        } else {
                            c++;
                        }
                    }
                }
            }
        }
        return current;
    }

    /** Whether the input with part {@code p} replaced still fails; if it does, {@code current} takes the change. */
    private static boolean stillFails(Consumer<List<List<String>>> property, List<List<String>> current, int p,
                                      List<String> part) {
        List<List<String>> candidate = new ArrayList<>(current);
        candidate.set(p, part);
        if (failure(property, candidate) == null) return false;
        current.set(p, part);
        return true;
    }

    /** {@code count} tokens drawn from {@code pools}, each pool as likely as the others. */
    @SafeVarargs
    public static List<String> tokens(Random random, int maxCount, List<String>... pools) {
        int count = random.nextInt(maxCount + 1);
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) tokens.add(one(random, pools));
        return tokens;
    }

    /** One token from one of {@code pools}. */
    @SafeVarargs
    public static String one(Random random, List<String>... pools) {
        List<String> pool = pools[random.nextInt(pools.length)];
        return pool.get(random.nextInt(pool.size()));
    }

    /** One to {@code maxDigits} random ASCII digits. */
    public static String digits(Random random, int maxDigits) {
        int n = 1 + random.nextInt(maxDigits);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append((char) ('0' + random.nextInt(10)));
        return b.toString();
    }
}
