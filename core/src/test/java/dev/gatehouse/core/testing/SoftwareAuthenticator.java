package dev.gatehouse.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;

/**
 * A security key in software, for tests: one EC P-256 credential, "none" attestation, and a signature counter the
 * test may set. It answers the options JSON the server hands out exactly as a browser's
 * {@code PublicKeyCredential.toJSON()} would, from the origin the test says the page was on.
 */
public final class SoftwareAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte USER_PRESENT = AuthenticatorData.BIT_UP;
    private static final byte USER_VERIFIED = AuthenticatorData.BIT_UV;

    private final KeyPair keys;
    private final byte[] credentialId = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
    private String origin;
    private long signCount;
    private byte[] userHandle;

    public SoftwareAuthenticator(String origin) {
        this.origin = origin;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page's origin the browser reports from now on (a phishing site's, say). */
    public SoftwareAuthenticator from(String pageOrigin) {
        this.origin = pageOrigin;
        return this;
    }

    /** The counter the next signature carries; a real key adds one per signature. */
    public SoftwareAuthenticator counter(long value) {
        this.signCount = value;
        return this;
    }

    public String credentialId() {
        return BASE64URL.encodeToString(credentialId);
    }

    /** What {@code navigator.credentials.create(options)} answers, as JSON. */
    public String create(String optionsJson) {
        JsonNode options = read(optionsJson);
        userHandle = Base64.getUrlDecoder().decode(options.at("/user/id").asText());
        byte[] clientData = clientData("webauthn.create", options.get("challenge").asText());
        AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(
                sha256(options.at("/rp/id").asText()),
                (byte) (USER_PRESENT | USER_VERIFIED | AuthenticatorData.BIT_AT), signCount, credential);
        byte[] attestationObject = new AttestationObjectConverter(new ObjectConverter())
                .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", BASE64URL.encodeToString(clientData))
                .put("attestationObject", BASE64URL.encodeToString(attestationObject));
        response.putArray("transports").add("usb");
        return credential(response);
    }

    /** What {@code navigator.credentials.get(options)} answers, as JSON, signing with this key. */
    public String get(String optionsJson) {
        JsonNode options = read(optionsJson);
        byte[] clientData = clientData("webauthn.get", options.get("challenge").asText());
        byte[] authenticatorData = ByteBuffer.allocate(37).put(sha256(options.get("rpId").asText()))
                .put((byte) (USER_PRESENT | USER_VERIFIED)).putInt((int) signCount).array();
        byte[] signature = sign(ByteBuffer.allocate(authenticatorData.length + 32).put(authenticatorData)
                .put(sha256(clientData)).array());
        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", BASE64URL.encodeToString(clientData))
                .put("authenticatorData", BASE64URL.encodeToString(authenticatorData))
                .put("signature", BASE64URL.encodeToString(signature))
                .put("userHandle", userHandle == null ? null : BASE64URL.encodeToString(userHandle));
        return credential(response);
    }

    private String credential(ObjectNode response) {
        ObjectNode credential = JSON.createObjectNode()
                .put("id", credentialId())
                .put("rawId", credentialId())
                .put("type", "public-key")
                .put("authenticatorAttachment", "cross-platform");
        credential.set("response", response);
        credential.putObject("clientExtensionResults");
        return credential.toString();
    }

    private byte[] clientData(String type, String challenge) {
        return JSON.createObjectNode().put("type", type).put("challenge", challenge).put("origin", origin)
                .put("crossOrigin", false).toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
