package dev.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled matchers agree with the plainest possible reading of the rules, on seeded random patterns and
 * strings: a naive recursive wildcard matcher, and ARNs split into segments by hand.
 */
class WildcardPropertyTest {

    private static final int CASES = 20_000;

    @Test
    void globAgreesWithANaiveRecursiveMatcher() {
        Random random = new Random(6);
        for (int i = 0; i < CASES; i++) {
            String pattern = random(random, "ab*?", 8);
            String text = random(random, "ab", 10);

            assertThat(Glob.of(pattern, false).matches(text)).as("%s ~ %s", pattern, text)
                    .isEqualTo(naive(pattern, 0, text, 0, false));
        }
    }

    @Test
    void caseInsensitiveGlobAgreesWithTheNaiveMatcher() {
        Random random = new Random(7);
        for (int i = 0; i < CASES; i++) {
            String pattern = random(random, "aAbB*?:", 8);
            String text = random(random, "aAbB:", 10);

            assertThat(Glob.of(pattern, true).matches(text)).as("%s ~ %s", pattern, text)
                    .isEqualTo(naive(pattern, 0, text, 0, true));
        }
    }

    @Test
    void arnPatternsAgreeWithSegmentBySegmentMatching() {
        Random random = new Random(8);
        for (int i = 0; i < CASES; i++) {
            // Partition and service are never empty in a valid ARN pattern.
            String pattern = "arn:a" + random(random, "ab*?", 3) + ":a" + random(random, "ab*?", 3) + ":"
                    + random(random, "ab*?", 3) + ":" + random(random, "ab*?", 3) + ":" + random(random, "ab*?:/", 6);
            String arn = "arn:a" + random(random, "ab", 3) + ":a" + random(random, "ab", 3) + ":" + random(random, "ab", 3)
                    + ":" + random(random, "ab", 3) + ":" + random(random, "ab:/", 6);

            assertThat(ArnPattern.parse(pattern, true).matches(arn, ContextKeys.none())).as("%s ~ %s", pattern, arn)
                    .isEqualTo(naiveArn(pattern, arn));
        }
    }

    /** Five colons split both; each segment is matched alone, the sixth (the resource) with its own colons. */
    private static boolean naiveArn(String pattern, String arn) {
        String[] expected = pattern.split(":", 6);
        String[] actual = arn.split(":", 6);
        for (int i = 0; i < 6; i++) {
            if (!naive(expected[i], 0, actual[i], 0, false)) {
                return false;
            }
        }
        return true;
    }

    static boolean naive(String pattern, int p, String text, int t, boolean ignoreCase) {
        if (p == pattern.length()) {
            return t == text.length();
        }
        char c = pattern.charAt(p);
        if (c == '*') {
            return naive(pattern, p + 1, text, t, ignoreCase)
                    || t < text.length() && naive(pattern, p, text, t + 1, ignoreCase);
        }
        if (t == text.length()) {
            return false;
        }
        boolean same = c == '?' || (ignoreCase ? Character.toLowerCase(c) == Character.toLowerCase(text.charAt(t))
                : c == text.charAt(t));
        return same && naive(pattern, p + 1, text, t + 1, ignoreCase);
    }

    static String random(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
