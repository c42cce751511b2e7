package dev.gatehouse.core.password;

/** Hashes passwords for storage and checks them; the encoded hash names its own algorithm and parameters. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean matches(char[] password, String encodedHash);
}
