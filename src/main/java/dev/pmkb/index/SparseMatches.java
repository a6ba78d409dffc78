package dev.pmkb.index;

import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches {@link Matcher#find()} gives, in the same order, trying the pattern only where a match can start.
 * {@code find()} tries the whole pattern at every character of the text; over the write-ups of a large library that
 * was seconds for a pattern that matches a few times. A caller that knows where its pattern can start (at a dot, or
 * near a word it needs) says so with {@code nextStart}: the first position at or after a given one where a match may
 * begin, or -1 when none can. Each such position is tried once, in order, with the text around it visible to the
 * pattern's boundaries and look-arounds, so the first that matches is the leftmost match {@code find()} would give.
 */
final class SparseMatches {

    private final Matcher matcher;
    private final int length;
    private final IntUnaryOperator nextStart;
    private int from;

    SparseMatches(Pattern pattern, String text, IntUnaryOperator nextStart) {
        this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        this.length = text.length();
        this.nextStart = nextStart;
    }

    /** Moves to the next match; false when there is none. */
    boolean find() {
        for (int at = from <= length ? nextStart.applyAsInt(from) : -1; at >= 0 && at <= length;
             at = at < length ? nextStart.applyAsInt(at + 1) : -1) {
            matcher.region(at, length);
            if (matcher.lookingAt()) {
                from = matcher.end() == at ? at + 1 : matcher.end(); // as find() steps past an empty match
                return true;
            }
        }
        from = length + 1;
        return false;
    }

    int start() {
        return matcher.start();
    }

    int end() {
        return matcher.end();
    }

    /**
     * {@code nextStart} for a pattern whose matches hold one of {@code needles} (ASCII, lower-case, matched without
     * regard to ASCII case) and start at most {@code reach} characters before it.
     */
    static IntUnaryOperator near(String text, int reach, String... needles) {
        String lower = asciiLowerCase(text);
        int[] at = java.util.stream.Stream.of(needles).flatMapToInt(needle -> {
            java.util.stream.IntStream.Builder found = java.util.stream.IntStream.builder();
            for (int i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) found.add(i);
            return found.build();
        }).sorted().toArray();
        return from -> {
            int next = java.util.Arrays.binarySearch(at, from);
            if (next < 0) next = -next - 1;
            return next == at.length ? -1 : Math.max(from, at[next] - reach);
        };
    }

    /** Only A to Z lowered, as a pattern's {@code (?i)} does without {@code UNICODE_CASE}: same length, same offsets. */
    static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') chars[i] += 'a' - 'A';
        }
        return new String(chars);
    }
}
