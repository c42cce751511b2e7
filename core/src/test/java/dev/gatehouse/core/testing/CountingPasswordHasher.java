package dev.gatehouse.core.testing;

import dev.gatehouse.core.password.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast stand-in for Argon2id that still salts (the same password hashes differently each time) and counts its
 * checks, which are the slow part in production. Shared with the store's tests through core's test jar.
 */
public final class CountingPasswordHasher implements PasswordHasher {

    private final AtomicInteger salts = new AtomicInteger();
    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public String hash(char[] password) {
        return "test$" + salts.incrementAndGet() + "$" + new String(password);
    }

    @Override
    public boolean matches(char[] password, String encodedHash) {
        checks.incrementAndGet();
        return encodedHash.substring(encodedHash.indexOf('$', "test$".length()) + 1).equals(new String(password));
    }

    public int checks() {
        return checks.get();
    }
}
