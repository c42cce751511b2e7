package dev.gatehouse.core.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238), whose counter is the number of whole periods
 * since the epoch (the "time step"). Authenticator apps use {@link #STANDARD}; the other algorithms and
 * 8 digits exist so the RFC 6238 test vectors can be checked exactly.
 */
public record Totp(Algorithm algorithm, int digits, Duration period) {

    /** What every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
    public static final Totp STANDARD = new Totp(Algorithm.SHA1, 6, Duration.ofSeconds(30));

    /**
     * Steps either side of now that still count, for a phone clock a little off and a code typed as it
     * changed (RFC 6238 §5.2 recommends at most one).
     */
    public static final int WINDOW = 1;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String jcaName;

        Algorithm(String jcaName) {
            this.jcaName = jcaName;
        }
    }

    public Totp {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("RFC 4226 codes have 6 to 8 digits, not " + digits);
        }
        if (period.toSeconds() < 1) {
            throw new IllegalArgumentException("the period must be at least one second");
        }
    }

    /** The RFC 6238 time step {@code T} that {@code at} falls in. */
    public long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), period.toSeconds());
    }

    /** The code an authenticator app shows at {@code at}. */
    public String code(byte[] secret, Instant at) {
        return hotp(secret, step(at));
    }

    /** RFC 4226 §5.3: HMAC of the 8-byte counter, dynamic truncation, the low {@code digits} decimal digits. */
    public String hotp(byte[] secret, long counter) {
        byte[] hash = hmac(secret, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
        String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The time step, within {@link #WINDOW} of now, whose code is {@code code}; empty when none is. Every
     * step in the window is compared in constant time, so the answer's timing tells nothing about the code.
     * Spaces are ignored, as apps show codes in groups ("123 456").
     */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (code == null) {
            return OptionalLong.empty();
        }
        byte[] given = code.replace(" ", "").getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long matched = -1;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            boolean equal = MessageDigest.isEqual(given, hotp(secret, step).getBytes(StandardCharsets.US_ASCII));
            matched = equal && matched < 0 ? step : matched;
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    private byte[] hmac(byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName);
            mac.init(new SecretKeySpec(secret, algorithm.jcaName));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jcaName + " is part of every JDK", e);
        }
    }
}
