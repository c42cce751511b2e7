package dev.gatehouse.core.error;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Shared checks of input, from administrators and from the public APIs alike; each failure names the field and
 * never echoes an oversized value back.
 */
public final class Inputs {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Inputs() {
    }

    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw DomainException.invalid(field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(field, value, maxLength);
    }

    public static String matching(String field, String value, Pattern pattern, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw DomainException.invalid(field, field + " " + rule);
        }
        return value;
    }

    public static String email(String field, String value) {
        String email = required(field, value, 254);
        return matching(field, email, EMAIL, "must be an email address such as ed@example.com");
    }

    /** {@code value} unchanged when it is absent or at most {@code maxLength} characters; else InvalidInput. */
    public static String atMost(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw DomainException.invalid(field, field + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    /**
     * {@code values} unchanged when absent, or at most {@code maxItems} entries each at most {@code maxLength}
     * characters; else InvalidInput.
     */
    public static List<String> atMost(String field, List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return null;
        }
        if (values.size() > maxItems) {
            throw DomainException.invalid(field, field + " may hold at most " + maxItems + " items");
        }
        for (String value : values) {
            if (value != null && value.length() > maxLength) {
                throw DomainException.invalid(field, "each of " + field + " must be at most " + maxLength
                        + " characters");
            }
        }
        return values;
    }
}
