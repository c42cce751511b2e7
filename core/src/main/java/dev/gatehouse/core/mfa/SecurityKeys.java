package dev.gatehouse.core.mfa;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.SecretSealer;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.mfa.WebAuthnChallenge.Ceremony;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A user's security keys and passkeys (WebAuthn, through webauthn4j): registration and assertion, each answering
 * a challenge that is single-use, lives five minutes and is kept only as its hash. The credential (id, AAGUID and
 * public key) is stored sealed like a TOTP secret; the authenticator's signature counter is kept in the clear and
 * may only grow, as a counter that goes back is the sign of a cloned key.
 */
public final class SecurityKeys {

    /** Security keys and passkeys a user may have at once (and 2 authenticator apps besides). */
    public static final int LIMIT = 6;
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    private static final int CHALLENGE_BYTES = 32;
    /** WebAuthn allows up to 64 bytes; 32 random bytes are unguessable and say nothing about the user. */
    private static final int USER_HANDLE_BYTES = 32;
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    private static final String WHAT = "security key";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final UserRepository users;
    private final MfaDeviceRepository mfaDevices;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;
    private final Supplier<SecretSealer> sealer;
    private final RelyingParty relyingParty;
    // Non-strict: attestation "none" is all we ask for, so there is no attestation to check against a trust list.
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentials =
            new AttestedCredentialDataConverter(new ObjectConverter());

    public SecurityKeys(UserRepository users, MfaDeviceRepository mfaDevices, Transactions transactions, Clock clock,
                        AuditLog audit, Supplier<SecretSealer> sealer, RelyingParty relyingParty) {
        this.users = users;
        this.mfaDevices = mfaDevices;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.sealer = sealer;
        this.relyingParty = relyingParty;
    }

    /** A challenge and the options to create a passkey, excluding the user's keys so none is registered twice. */
    public CeremonyStart startRegistration(String userId) {
        User user = users.findById(userId).orElseThrow(() -> DomainException.notFound("User", userId));
        List<MfaDevice> keys = list(userId);
        requireRoomForAnother(keys);
        String userHandle = userHandleOf(userId);
        String challenge = newChallenge(userId, Ceremony.REGISTRATION);
        String displayName = user.displayName() == null || user.displayName().isBlank()
                ? user.userName() : user.displayName();
        return new CeremonyStart(challenge, WebAuthnOptions.creation(relyingParty, userHandle, user.userName(),
                displayName, challenge, CHALLENGE_LIFETIME, credentialIds(keys)));
    }

    /**
     * Verifies what {@code navigator.credentials.create} answered to the challenge {@code handle} and stores the
     * new key under {@code name}. The challenge is used up whatever the outcome.
     */
    public MfaDevice finishRegistration(String userId, String name, String handle, String responseJson,
                                        Actor actor, RequestContext context) {
        String validName = DeviceNames.valid(name, WHAT);
        if (!consumeChallenge(userId, handle, Ceremony.REGISTRATION)) {
            throw DomainException.invalid("response", "This request has expired or was already used. Try again.");
        }
        RegistrationData registration = verifiedRegistration(handle, responseJson);
        AuthenticatorData<?> authenticatorData = registration.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authenticatorData.getAttestedCredentialData();
        String deviceId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            List<MfaDevice> keys = keysOf(userId);
            requireRoomForAnother(keys);
            if (keys.stream().anyMatch(k -> Arrays.equals(credentialOf(k).getCredentialId(),
                    credential.getCredentialId()))) {
                throw DomainException.invalid("response", "This security key is already registered.");
            }
            MfaDevice device = new MfaDevice(deviceId, userId, MfaDeviceKind.WEBAUTHN, validName,
                    sealer.get().seal(credentials.convert(credential), deviceId), authenticatorData.getSignCount(),
                    now, now);
            mfaDevices.insert(device);
            audit.as(actor, EventSource.SIGN_IN, context).success("CreateMfaDevice",
                    Map.of("userId", userId, "deviceName", validName, "kind", MfaDeviceKind.WEBAUTHN.name()),
                    Map.of("deviceId", deviceId));
            return device;
        });
    }

    /** A challenge and the options to sign it with one of the user's keys. */
    public CeremonyStart startAssertion(String userId) {
        List<String> allowed = credentialIds(list(userId));
        String challenge = newChallenge(userId, Ceremony.ASSERTION);
        return new CeremonyStart(challenge,
                WebAuthnOptions.request(relyingParty, challenge, CHALLENGE_LIFETIME, allowed));
    }

    /**
     * The user's key that signed the challenge {@code handle}, if {@code responseJson} (what
     * {@code navigator.credentials.get} answered) is a valid signature by it from our origin; empty otherwise. The
     * challenge is used up whatever the outcome. A signature counter that did not grow is refused and audited.
     */
    public Optional<MfaDevice> finishAssertion(String userId, String handle, String responseJson,
                                               RequestContext context) {
        if (!consumeChallenge(userId, handle, Ceremony.ASSERTION)) {
            return Optional.empty();
        }
        AuthenticationData assertion;
        try {
            assertion = webAuthn.parseAuthenticationResponseJSON(responseJson);
        } catch (RuntimeException e) {
            // Whatever the library throws on an answer it cannot read (Jackson errors, missing parts): a bad answer.
            return Optional.empty();
        }
        Optional<MfaDevice> signer = list(userId).stream()
                .filter(k -> Arrays.equals(credentialOf(k).getCredentialId(), assertion.getCredentialId()))
                .findFirst();
        if (signer.isEmpty() || !fromThisUser(userId, assertion.getUserHandle())) {
            return Optional.empty();
        }
        MfaDevice device = signer.get();
        AttestedCredentialData credential = credentialOf(device);
        CredentialRecord record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                device.lastUsedStep(), credential, null, null, null, null);
        try {
            webAuthn.verify(assertion, new AuthenticationParameters(serverProperty(handle), record,
                    List.of(credential.getCredentialId()), false, true));
        } catch (MaliciousCounterValueException e) {
            auditCounterWentBack(userId, device, context);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        long signCount = assertion.getAuthenticatorData().getSignCount();
        // A key that counts nothing always says 0; one that counts must say more than last time, even to a racer.
        if (signCount > 0 && !mfaDevices.useStep(device.deviceId(), signCount)) {
            auditCounterWentBack(userId, device, context);
            return Optional.empty();
        }
        return mfaDevices.findById(device.deviceId());
    }

    /** The user's security keys and passkeys, oldest first. */
    public List<MfaDevice> list(String userId) {
        return keysOf(userId);
    }

    public void rename(String userId, String deviceId, String name, Actor actor, RequestContext context) {
        String validName = DeviceNames.valid(name, WHAT);
        transactions.run(() -> {
            ownKey(userId, deviceId);
            mfaDevices.rename(deviceId, validName);
            audit.as(actor, EventSource.SIGN_IN, context).success("UpdateMfaDevice",
                    Map.of("userId", userId, "deviceId", deviceId, "deviceName", validName,
                            "kind", MfaDeviceKind.WEBAUTHN.name()));
        });
    }

    public void delete(String userId, String deviceId, Actor actor, RequestContext context) {
        transactions.run(() -> {
            MfaDevice key = ownKey(userId, deviceId);
            mfaDevices.delete(deviceId);
            audit.as(actor, EventSource.SIGN_IN, context).success("DeleteMfaDevice",
                    Map.of("userId", userId, "deviceId", deviceId, "deviceName", key.name(),
                            "kind", MfaDeviceKind.WEBAUTHN.name()));
        });
    }

    private String newChallenge(String userId, Ceremony ceremony) {
        String challenge = BASE64URL.encodeToString(Secrets.randomBytes(CHALLENGE_BYTES));
        Instant now = clock.instant();
        mfaDevices.insertChallenge(new WebAuthnChallenge(Secrets.hash(challenge), userId, ceremony,
                now.plus(CHALLENGE_LIFETIME)), now);
        return challenge;
    }

    /** In a statement of its own, so that a failed answer uses the challenge up as well. */
    private boolean consumeChallenge(String userId, String handle, Ceremony ceremony) {
        return handle != null && mfaDevices.consumeChallenge(Secrets.hash(handle), userId, ceremony,
                clock.instant());
    }

    private RegistrationData verifiedRegistration(String handle, String responseJson) {
        try {
            RegistrationData registration = webAuthn.parseRegistrationResponseJSON(responseJson);
            return webAuthn.verify(registration, new RegistrationParameters(serverProperty(handle), ALGORITHMS,
                    false, true));
        } catch (RuntimeException e) {
            // Whatever the library throws on an answer it cannot read (Jackson errors, missing parts): a bad answer.
            throw DomainException.invalid("response",
                    "The security key's answer could not be verified. Try again, on this site's own address.");
        }
    }

    private ServerProperty serverProperty(String handle) {
        return new ServerProperty(new Origin(relyingParty.origin()), relyingParty.id(),
                new DefaultChallenge(Base64.getUrlDecoder().decode(handle)));
    }

    /** A passkey says whose it is; it must be this user's (a security key without a passkey says nothing). */
    private boolean fromThisUser(String userId, byte[] userHandle) {
        return userHandle == null || userHandle.length == 0 || Arrays.equals(userHandle,
                Base64.getUrlDecoder().decode(userHandleOf(userId)));
    }

    /** Drawn at the user's first registration and kept. */
    private String userHandleOf(String userId) {
        return mfaDevices.userHandle(userId, BASE64URL.encodeToString(Secrets.randomBytes(USER_HANDLE_BYTES)));
    }

    private void auditCounterWentBack(String userId, MfaDevice device, RequestContext context) {
        String userName = users.findById(userId).map(User::userName).orElse(null);
        audit.as(Actor.user(userId, userName), EventSource.SIGN_IN, context).failure("VerifyMfaDevice",
                Map.of("userId", userId, "deviceId", device.deviceId(), "kind", MfaDeviceKind.WEBAUTHN.name()),
                new DomainError.AccessDenied("The security key's signature counter went back: it may have been"
                        + " copied. The sign-in was refused."));
    }

    private AttestedCredentialData credentialOf(MfaDevice key) {
        return credentials.convert(sealer.get().unseal(key.sealedSecret(), key.deviceId()));
    }

    private List<String> credentialIds(List<MfaDevice> keys) {
        return keys.stream().map(k -> BASE64URL.encodeToString(credentialOf(k).getCredentialId())).toList();
    }

    private List<MfaDevice> keysOf(String userId) {
        return mfaDevices.listByUser(userId).stream()
                .filter(d -> d.kind() == MfaDeviceKind.WEBAUTHN)
                .toList();
    }

    /** The user's security key; someone else's is as good as absent. */
    private MfaDevice ownKey(String userId, String deviceId) {
        return mfaDevices.findById(deviceId)
                .filter(d -> d.userId().equals(userId) && d.kind() == MfaDeviceKind.WEBAUTHN)
                .orElseThrow(() -> DomainException.notFound("MfaDevice", deviceId));
    }

    private static void requireRoomForAnother(List<MfaDevice> keys) {
        if (keys.size() >= LIMIT) {
            throw DomainException.invalid("name", "You already have " + LIMIT
                    + " security keys and passkeys. Remove one before adding another.");
        }
    }
}
