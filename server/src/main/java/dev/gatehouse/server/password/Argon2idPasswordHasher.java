package dev.gatehouse.server.password;

import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.password.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane), in the PHC string format so parameters can
 * change later without breaking stored hashes. Concurrent hashing is capped at the core count: beyond it,
 * throughput falls and memory climbs.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Semaphore permits = new Semaphore(Runtime.getRuntime().availableProcessors());

    @Override
    public String hash(char[] password) {
        byte[] salt = Secrets.randomBytes(SALT_BYTES);
        return encoded(salt, derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES));
    }

    /** Random bytes where the hash goes, with this hasher's parameters: checked at full cost, made at none. */
    @Override
    public String decoy() {
        return encoded(Secrets.randomBytes(SALT_BYTES), Secrets.randomBytes(HASH_BYTES));
    }

    private static String encoded(byte[] salt, byte[] hash) {
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean matches(char[] password, String encodedHash) {
        if (encodedHash == null) {
            return false;
        }
        String[] parts = encodedHash.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        try {
            int memory = 0;
            int iterations = 0;
            int parallelism = 0;
            for (String parameter : parts[3].split(",")) {
                String[] kv = parameter.split("=");
                switch (kv[0]) {
                    case "m" -> memory = Integer.parseInt(kv[1]);
                    case "t" -> iterations = Integer.parseInt(kv[1]);
                    case "p" -> parallelism = Integer.parseInt(kv[1]);
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] derive(char[] password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memory).withIterations(iterations).withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] secret = new String(password).getBytes(StandardCharsets.UTF_8);
        permits.acquireUninterruptibly();
        try {
            generator.generateBytes(secret, out);
        } finally {
            permits.release();
            java.util.Arrays.fill(secret, (byte) 0);
        }
        return out;
    }
}
