package dev.gatehouse.core.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts the sealing keys at rest, supplied from outside the database (a file or the
 * environment), so a copy of the database alone opens no session token and no MFA secret. Each sealing key
 * is wrapped with AES-256-GCM, its key id bound in as associated data so a wrapped key copied onto another
 * row does not open; the GCM tag is what tells a wrong master key before anything is written.
 */
public final class MasterKey {

    public static final int BYTES = 32;
    private static final byte VERSION = 1;
    private static final byte[] PURPOSE = "gatehouse sealing key v1".getBytes(StandardCharsets.US_ASCII);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;

    private MasterKey(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @throws IllegalArgumentException unless the key is 32 bytes */
    public static MasterKey of(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a master key is " + BYTES + " bytes, not " + key.length);
        }
        return new MasterKey(key);
    }

    /** Fresh key material, for a new master key file. */
    public static byte[] randomBytes() {
        return Secrets.randomBytes(BYTES);
    }

    public StoredSealingKey wrap(SealingKey sealingKey) {
        byte[] nonce = Secrets.randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(sealingKey.keyId()));
            byte[] sealed = cipher.doFinal(sealingKey.secret());
            byte[] material = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION).put(nonce).put(sealed).array();
            return new StoredSealingKey(sealingKey.keyId(), material, true, sealingKey.createdAt());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The sealing key in clear; a legacy plaintext key is returned as it is.
     *
     * @throws WrongMasterKeyException when this master key did not wrap it
     */
    public SealingKey unwrap(StoredSealingKey stored) {
        if (!stored.wrapped()) {
            return new SealingKey(stored.keyId(), stored.material(), stored.createdAt());
        }
        byte[] raw = stored.material();
        if (raw.length < 1 + NONCE_BYTES + TAG_BITS / 8 || raw[0] != VERSION) {
            throw new IllegalStateException("sealing key " + stored.keyId() + " is not in a known format");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(stored.keyId()));
            byte[] secret = cipher.doFinal(raw, 1 + NONCE_BYTES, raw.length - 1 - NONCE_BYTES);
            return new SealingKey(stored.keyId(), secret, stored.createdAt());
        } catch (AEADBadTagException e) {
            throw new WrongMasterKeyException(stored.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] associatedData(int keyId) {
        return ByteBuffer.allocate(PURPOSE.length + 4).put(PURPOSE).putInt(keyId).array();
    }

    /** Never the key itself, should this end up in a log. */
    @Override
    public String toString() {
        return "MasterKey[***]";
    }
}
