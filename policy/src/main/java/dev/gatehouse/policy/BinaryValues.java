package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * {@code BinaryEquals}: the policy holds base64; the request value, also base64, must decode to the same bytes
 * (IAM JSON policy elements: Condition operators, "Binary condition operators").
 */
final class BinaryValues implements ValueMatcher {

    private final byte[][] values;

    BinaryValues(List<PolicyString> values) {
        this.values = values.stream().map(value -> {
            byte[] bytes = decode(value.raw());
            if (bytes == null) {
                throw new IllegalArgumentException("value " + value.raw() + " is not base64");
            }
            return bytes;
        }).toArray(byte[][]::new);
    }

    @Override
    public boolean matchesAny(String requestValue, ContextKeys context) {
        byte[] actual = decode(requestValue);
        if (actual == null) {
            return false;
        }
        for (byte[] expected : values) {
            if (Arrays.equals(expected, actual)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
