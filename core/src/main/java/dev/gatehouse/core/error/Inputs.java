package dev.gatehouse.core.error;

import java.util.regex.Pattern;

/** Shared checks of administrator input; each failure names the field. */
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
}
