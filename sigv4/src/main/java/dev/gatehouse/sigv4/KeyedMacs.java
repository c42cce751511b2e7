package dev.gatehouse.sigv4;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * HMAC-SHA256 under one signing key, for many requests: MACs already keyed (re-keying costs two of an
 * HMAC's four hash blocks) are lent out with a feed and an output buffer, and reused after each signature
 * instead of cloned per request.
 */
final class KeyedMacs {

    private static final int HMAC_SHA256_LENGTH = 32;
    /** About as many as threads that can compute at once; a signature never waits while it holds one. */
    private static final int POOLED = 4;

    /** One borrower's MAC, the feed in front of it and room for the result. */
    private static final class Lent {
        final Mac mac;
        final TextFeed feed;
        final byte[] result = new byte[HMAC_SHA256_LENGTH];

        Lent(Mac mac) {
            this.mac = mac;
            this.feed = new TextFeed(mac::update);
        }
    }

    private final byte[] signingKey;
    private final Mac prototype;
    private final SlotPool<Lent> pool;

    KeyedMacs(byte[] signingKey) {
        this.signingKey = signingKey;
        this.prototype = Hashing.hmacSha256(signingKey);
        this.pool = new SlotPool<>(POOLED, () -> new Lent(copyOfPrototype()));
    }

    /** Cloning a keyed MAC skips the provider look-up and the re-keying. */
    private Mac copyOfPrototype() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return Hashing.hmacSha256(signingKey);
        }
    }

    /** The signing key. The array is shared: callers must not modify it. */
    byte[] signingKey() {
        return signingKey;
    }

    /**
     * Whether the claimed signature is the HMAC of the string to sign, compared in constant time so that
     * response timing does not reveal how many leading characters matched. A claim that is not 64
     * lower-case hex digits cannot match.
     */
    boolean matches(AmzDate signedAt, CredentialScope scope, CanonicalRequest canonicalRequest,
                    String claimedSignature) {
        Lent lent = pool.take();
        try {
            StringToSign.appendTo(lent.feed, signedAt, scope, canonicalRequest);
            lent.mac.doFinal(lent.result, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("an HMAC-SHA256 is 32 bytes", e);
        }
        boolean matches = equalsLowerCaseHex(lent.result, claimedSignature);
        // doFinal left the MAC keyed and empty, the feed is flushed: ready for the next borrower.
        pool.give(lent);
        return matches;
    }

    /** Constant time for every claim of the right length; no bytes are decoded into a new array. */
    static boolean equalsLowerCaseHex(byte[] expected, String claimed) {
        if (claimed.length() != 2 * expected.length) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < expected.length; i++) {
            int high = lowerCaseHexDigit(claimed.charAt(2 * i));
            int low = lowerCaseHexDigit(claimed.charAt(2 * i + 1));
            // An invalid digit is -1, whose high bits make the difference non-zero.
            difference |= ((high << 4) | low) ^ (expected[i] & 0xff);
            difference |= (high | low) & ~0xf;
        }
        return difference == 0;
    }

    private static int lowerCaseHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
