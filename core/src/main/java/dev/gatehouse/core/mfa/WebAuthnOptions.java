package dev.gatehouse.core.mfa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;

/**
 * The options a page passes to {@code navigator.credentials.create} and {@code get}, as JSON in the shape of
 * WebAuthn Level 3's {@code PublicKeyCredentialCreationOptionsJSON} and {@code …RequestOptionsJSON}: binary
 * values (challenge, user handle, credential ids) are base64url text, which the page's script turns into bytes.
 */
final class WebAuthnOptions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLIC_KEY = "public-key";
    /** ES256, then EdDSA and RS256, in the order of preference WebAuthn §5.4 asks for. */
    private static final List<Long> ALGORITHMS = List.of(-7L, -8L, -257L);
    private static final String PREFERRED = "preferred";

    private WebAuthnOptions() {
    }

    record Rp(String id, String name) { }

    record UserEntity(String id, String name, String displayName) { }

    record Parameter(String type, long alg) { }

    record Descriptor(String type, String id) { }

    record Selection(String residentKey, boolean requireResidentKey, String userVerification) { }

    record Creation(Rp rp, UserEntity user, String challenge, List<Parameter> pubKeyCredParams, long timeout,
                    List<Descriptor> excludeCredentials, Selection authenticatorSelection, String attestation) { }

    record Request(String challenge, long timeout, String rpId, List<Descriptor> allowCredentials,
                   String userVerification) { }

    /** A passkey if the authenticator can keep one, a plain security key otherwise; no attestation asked. */
    static String creation(RelyingParty rp, String userHandle, String userName, String displayName, String challenge,
                           Duration timeout, List<String> existingCredentialIds) {
        return write(new Creation(new Rp(rp.id(), rp.name()), new UserEntity(userHandle, userName, displayName),
                challenge, ALGORITHMS.stream().map(alg -> new Parameter(PUBLIC_KEY, alg)).toList(), timeout.toMillis(),
                descriptors(existingCredentialIds), new Selection(PREFERRED, false, PREFERRED), "none"));
    }

    static String request(RelyingParty rp, String challenge, Duration timeout, List<String> credentialIds) {
        return write(new Request(challenge, timeout.toMillis(), rp.id(), descriptors(credentialIds), PREFERRED));
    }

    private static List<Descriptor> descriptors(List<String> credentialIds) {
        return credentialIds.stream().map(id -> new Descriptor(PUBLIC_KEY, id)).toList();
    }

    private static String write(Object options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options are plain records", e);
        }
    }
}
