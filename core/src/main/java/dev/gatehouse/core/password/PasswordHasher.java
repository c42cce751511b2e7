package dev.gatehouse.core.password;

import dev.gatehouse.core.keys.Secrets;

/** Hashes passwords for storage and checks them; the encoded hash names its own algorithm and parameters. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean matches(char[] password, String encodedHash);

    /**
     * An encoded hash no password matches that costs {@link #matches} what a stored hash costs: a sign-in with an
     * unknown name is checked against it, so it takes as long as a wrong password. The default hashes a random
     * password; a hasher that can write its encoding without hashing spares the server that work at start-up.
     */
    default String decoy() {
        return hash(Secrets.newToken("").toCharArray());
    }
}
