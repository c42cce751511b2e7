package dev.gatehouse.core.mfa;

import dev.gatehouse.core.error.DomainException;

/** The names people give their second factors ("Phone", "Blue YubiKey"): 1–64 characters, no control characters. */
public final class DeviceNames {

    public static final int MAX_LENGTH = 64;

    private DeviceNames() {
    }

    /** The name without surrounding spaces; {@code what} is how the message calls the device ("security key"). */
    public static String valid(String name, String what) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_LENGTH) {
            throw DomainException.invalid("name", "Give the " + what + " a name of 1 to " + MAX_LENGTH
                    + " characters.");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("name", "The name cannot contain control characters.");
        }
        return stripped;
    }
}
