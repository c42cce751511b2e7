package dev.gatehouse.core.service;

import dev.gatehouse.core.error.DomainException;

/** The walkthrough's password rule: 8–64 characters with upper case, lower case, a digit and a symbol. */
public final class PasswordPolicy {

    public static final String RULE = "Passwords must be 8 to 64 characters long and contain an upper-case letter, "
            + "a lower-case letter, a digit and a symbol.";

    private PasswordPolicy() {
    }

    public static void check(char[] password) {
        if (password == null || password.length < 8 || password.length > 64) {
            throw DomainException.invalid("password", RULE);
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (char c : password) {
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (!Character.isWhitespace(c) && !Character.isISOControl(c)) {
                symbol = true;
            }
        }
        if (!(upper && lower && digit && symbol)) {
            throw DomainException.invalid("password", RULE);
        }
    }
}
