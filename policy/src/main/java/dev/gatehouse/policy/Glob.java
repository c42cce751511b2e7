package dev.gatehouse.policy;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (also none), {@code ?} exactly one.
 * Matching walks the pattern once with a single backtracking point (the last {@code *}), so it needs no regex and
 * no allocation per request. The shapes most policies use ({@code *}, {@code s3:GetObject}, {@code ec2:Describe*})
 * are recognised when compiled and matched with one comparison.
 */
final class Glob {

    /** Pattern codes below zero are wildcards; the rest are characters matched literally. */
    static final int STAR = -1;
    static final int ONE = -2;

    private enum Shape { ANYTHING, EXACTLY, PREFIX, GENERAL }

    private final int[] pattern;
    private final boolean ignoreCase;
    private final Shape shape;
    /** The literal text of an EXACTLY or PREFIX pattern. */
    private final String literal;

    Glob(int[] pattern, boolean ignoreCase) {
        this.pattern = ignoreCase ? lowerCased(pattern) : pattern;
        this.ignoreCase = ignoreCase;
        int stars = 0;
        int wildcards = 0;
        for (int code : pattern) {
            stars += code == STAR ? 1 : 0;
            wildcards += code < 0 ? 1 : 0;
        }
        if (pattern.length > 0 && stars == pattern.length) {
            shape = Shape.ANYTHING;
        } else if (wildcards == 0) {
            shape = Shape.EXACTLY;
        } else if (wildcards == 1 && pattern[pattern.length - 1] == STAR) {
            shape = Shape.PREFIX;
        } else {
            shape = Shape.GENERAL;
        }
        int literalLength = shape == Shape.PREFIX ? pattern.length - 1 : pattern.length;
        StringBuilder text = new StringBuilder(literalLength);
        for (int i = 0; i < literalLength && shape != Shape.GENERAL; i++) {
            text.append((char) pattern[i]);
        }
        this.literal = text.toString();
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
        switch (shape) {
            case ANYTHING -> {
                return true;
            }
            case EXACTLY -> {
                return to - from == literal.length() && text.regionMatches(ignoreCase, from, literal, 0, literal.length());
            }
            case PREFIX -> {
                return to - from >= literal.length() && text.regionMatches(ignoreCase, from, literal, 0, literal.length());
            }
            case GENERAL -> {
                return general(text, from, to);
            }
        }
        throw new IllegalStateException(shape.name());
    }

    private boolean general(String text, int from, int to) {
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
