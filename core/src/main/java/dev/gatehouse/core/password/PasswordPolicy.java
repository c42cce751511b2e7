package dev.gatehouse.core.password;

import dev.gatehouse.core.error.DomainException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The walkthrough's password rule: 8–64 characters with upper case, lower case, a digit and a symbol, and none of
 * the user's last {@value #REMEMBERED} passwords.
 */
public final class PasswordPolicy {

    public static final String RULE = "Passwords must be 8 to 64 characters long and contain an upper-case letter, "
            + "a lower-case letter, a digit and a symbol.";
    /** How many of a user's latest passwords, the current one included, a new password may not be. */
    public static final int REMEMBERED = 3;
    public static final String REUSED = "Choose a password you have not used for your last " + REMEMBERED
            + " passwords.";

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

    /**
     * Refuses a password that matches the current hash or one of the remembered ones (newest first). Each check
     * costs a slow hash, so at most {@value #REMEMBERED} are made.
     */
    public static void checkNotReused(char[] password, String currentHash, List<String> rememberedHashes,
            PasswordHasher hasher) {
        boolean reused = Stream.concat(Stream.ofNullable(currentHash), rememberedHashes.stream())
                .distinct()
                .limit(REMEMBERED)
                .anyMatch(hash -> hasher.matches(password, hash));
        if (reused) {
            throw DomainException.invalid("password", REUSED);
        }
    }
}
