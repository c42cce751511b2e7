package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserStatus;
import java.util.Locale;

public final class TestUsers {

    private TestUsers() {
    }

    /** An enabled, not yet activated user: {@code "ed.developer"} is Ed Developer, ed.developer@example.com. */
    public static User user(String userName) {
        String[] parts = userName.split("\\.", 2);
        String givenName = capitalized(parts[0]);
        String familyName = parts.length > 1 ? capitalized(parts[1]) : "Tester";
        return new User(TestIds.id("user"), userName, givenName + " " + familyName, givenName, familyName,
                userName.toLowerCase(Locale.ROOT) + "@example.com", UserStatus.ENABLED, false, null, NOW, NOW);
    }

    public static User administrator(String userName) {
        return Records.with(user(userName), "administrator", true);
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
