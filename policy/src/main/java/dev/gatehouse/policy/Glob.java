package dev.gatehouse.policy;

import java.util.Arrays;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (also none), {@code ?} exactly one.
 * Matching walks the pattern once with a single backtracking point (the last {@code *}), so it needs no regex and
 * no allocation per request.
 */
final class Glob {

    /** Pattern codes below zero are wildcards; the rest are characters matched literally. */
    static final int STAR = -1;
    static final int ONE = -2;

    private final int[] pattern;
    private final boolean ignoreCase;
    private final boolean anything;

    Glob(int[] pattern, boolean ignoreCase) {
        this.pattern = ignoreCase ? lowerCased(pattern) : pattern;
        this.ignoreCase = ignoreCase;
        this.anything = Arrays.stream(pattern).allMatch(code -> code == STAR) && pattern.length > 0;
    }

    /** A pattern in which every {@code *} and {@code ?} is a wildcard. */
    static Glob of(String text, boolean ignoreCase) {
        return new Glob(codes(text), ignoreCase);
    }

    static int[] codes(String text) {
        int[] codes = new int[text.length()];
        for (int i = 0; i < codes.length; i++) {
            char c = text.charAt(i);
            codes[i] = c == '*' ? STAR : c == '?' ? ONE : c;
        }
        return codes;
    }

    boolean matches(String text) {
        return matches(text, 0, text.length());
    }

    /** Whether {@code text[from, to)} matches the whole pattern. */
    boolean matches(String text, int from, int to) {
        if (anything) {
            return true;
        }
        int p = 0;
        int i = from;
        int lastStar = -1;
        int resumeAt = from;
        while (i < to) {
            if (p < pattern.length && (pattern[p] == ONE || pattern[p] >= 0 && same(pattern[p], text.charAt(i)))) {
                p++;
                i++;
            } else if (p < pattern.length && pattern[p] == STAR) {
                lastStar = p++;
                resumeAt = i;
            } else if (lastStar >= 0) {
                p = lastStar + 1;
                i = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == STAR) {
            p++;
        }
        return p == pattern.length;
    }

    private boolean same(int expected, char actual) {
        return expected == actual || ignoreCase && expected == Character.toLowerCase(actual);
    }

    private static int[] lowerCased(int[] pattern) {
        int[] lower = pattern.clone();
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] >= 0) {
                lower[i] = Character.toLowerCase((char) lower[i]);
            }
        }
        return lower;
    }
}
