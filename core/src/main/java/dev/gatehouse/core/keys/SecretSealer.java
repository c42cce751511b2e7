package dev.gatehouse.core.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals MFA secrets at rest with AES-256-GCM under the instance's sealing keys. Each sealing key is first
 * narrowed to a key of its own for this purpose (HMAC-SHA256 of a label), so a secret and a session token
 * are never sealed under the same AES key. The key id travels in clear, so a rotated key still opens what
 * it sealed; the device id is bound in as associated data, so a sealed secret copied onto another device
 * row does not open.
 *
 * <p>The sealing keys themselves are stored encrypted under the master key (docs/keys.md).
 */
public final class SecretSealer {

    private static final byte VERSION = 1;
    private static final byte[] PURPOSE = "gatehouse mfa secret v1".getBytes(StandardCharsets.US_ASCII);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int HEADER_BYTES = 5;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final int currentKeyId;
    private final Map<Integer, SecretKeySpec> keysById;

    /** @param keys newest first; the first seals, all unseal */
    public SecretSealer(List<SealingKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one sealing key is needed");
        }
        this.currentKeyId = keys.getFirst().keyId();
        this.keysById = keys.stream().collect(Collectors.toMap(SealingKey::keyId,
                k -> new SecretKeySpec(derived(k.secret()), "AES"), (a, b) -> a));
    }

    public String seal(byte[] secret, String deviceId) {
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(VERSION).putInt(currentKeyId).array();
        byte[] nonce = Secrets.randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keysById.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(deviceId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return ENCODER.encodeToString(ByteBuffer.allocate(header.length + nonce.length + sealed.length)
                    .put(header).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * @throws IllegalStateException when the text was not sealed by one of our keys for this device, or was
     *         altered: the database no longer matches its keys, which no user can fix
     */
    public byte[] unseal(String sealed, String deviceId) {
        try {
            byte[] raw = DECODER.decode(sealed);
            if (raw.length < HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8 || raw[0] != VERSION) {
                throw new IllegalStateException("MFA secret of device " + deviceId + " is not in a known format");
            }
            int keyId = ByteBuffer.wrap(raw, 1, 4).getInt();
            SecretKeySpec key = keysById.get(keyId);
            if (key == null) {
                throw new IllegalStateException("MFA secret of device " + deviceId + " needs missing key " + keyId);
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, HEADER_BYTES, NONCE_BYTES));
            cipher.updateAAD(raw, 0, HEADER_BYTES);
            cipher.updateAAD(deviceId.getBytes(StandardCharsets.UTF_8));
            int body = HEADER_BYTES + NONCE_BYTES;
            return cipher.doFinal(raw, body, raw.length - body);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("MFA secret of device " + deviceId + " does not open", e);
        }
    }

    private static byte[] derived(byte[] sealingKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sealingKey, "HmacSHA256"));
            return mac.doFinal(PURPOSE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
