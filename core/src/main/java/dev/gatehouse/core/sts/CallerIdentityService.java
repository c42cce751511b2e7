package dev.gatehouse.core.sts;

import dev.gatehouse.core.access.AssignmentRepository;
import dev.gatehouse.core.credentials.CredentialSealer;
import dev.gatehouse.core.credentials.RoleIds;
import dev.gatehouse.core.credentials.RoleSessionClaims;
import dev.gatehouse.core.credentials.UnsealedSessionCache;
import dev.gatehouse.core.credentials.UnsealedSessionCache.UnsealedSession;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainError.SignatureCheck;
import dev.gatehouse.core.error.DomainError.SignatureFailure;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.sigv4.Reason;
import dev.gatehouse.sigv4.ReceivedRequest;
import dev.gatehouse.sigv4.SigV4Exception;
import dev.gatehouse.sigv4.SigV4Verifier;
import dev.gatehouse.sigv4.VerifiedRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authenticates a SigV4-signed request made with credentials Gatehouse issued, and says who made it.
 * The secret comes from the sealed session token, so the signature is checked without a database read (and,
 * for repeated calls with the same credentials, without unsealing again); the session, the user and the
 * assignment are then re-checked on every call, cached or not, so revocation takes effect at once.
 */
public final class CallerIdentityService {

    private static final String SERVICE = "sts";
    /** Sessions whose tokens stay unsealed: as many as the signing keys the verifier caches. */
    private static final int SESSIONS_CACHED = 10_000;

    private final SessionRepository sessions;
    private final UserRepository users;
    private final AssignmentRepository assignments;
    private final Clock clock;
    private final SigV4Verifier verifier;
    private final Supplier<CredentialSealer> sealer;
    private final UnsealedSessionCache unsealedSessions = new UnsealedSessionCache(SESSIONS_CACHED);

    public CallerIdentityService(SessionRepository sessions, UserRepository users, AssignmentRepository assignments,
                                 Clock clock, SigV4Verifier verifier, Supplier<CredentialSealer> sealer) {
        this.sessions = sessions;
        this.users = users;
        this.assignments = assignments;
        this.clock = clock;
        this.verifier = verifier;
        this.sealer = sealer;
    }

    /** Verifies the request and returns the claims of the credentials that signed it. */
    public RoleSessionClaims authenticate(ReceivedRequest request) {
        return authenticate(request, SERVICE);
    }

    /**
     * Verifies a request signed for {@code service} (its SigV4 signing name) and returns the claims of the
     * credentials that signed it: how a service protected through the authorization API is checked too.
     */
    public RoleSessionClaims authenticate(ReceivedRequest request, String service) {
        Instant now = clock.instant();
        RoleSessionClaims[] claims = new RoleSessionClaims[1];
        VerifiedRequest verified;
        try {
            verified = verifier.verifyWithSigningSecrets(request, (accessKeyId, sessionToken) -> {
                UnsealedSession unsealed = unsealed(accessKeyId, sessionToken, now);
                claims[0] = unsealed.claims();
                return Optional.of(unsealed.signingSecret());
            }, now);
        } catch (SigV4Exception e) {
            throw rejection(e);
        }
        if (!service.equals(verified.scope().service())) {
            throw wrongService(verified.scope().service(), service);
        }
        requireStillEntitled(claims[0], now);
        return claims[0];
    }

    /** The verifier's refusal, in the verifier's words. */
    public static DomainException rejection(SigV4Exception e) {
        SignatureCheck check = e.reason() == Reason.SIGNATURE_MISMATCH
                ? SignatureCheck.SIGNATURE : SignatureCheck.OTHER;
        return new DomainException(new DomainError.SignatureRejected(failure(e), check, e.getMessage()));
    }

    /** Credentials scoped to {@code scoped} presented to {@code service}: a signature for one is not for another. */
    public static DomainException wrongService(String scoped, String service) {
        return new DomainException(new DomainError.SignatureRejected(SignatureFailure.SIGNATURE_DOES_NOT_MATCH,
                SignatureCheck.SERVICE_SCOPE, "the credential scope names service '" + scoped + "', not '" + service
                + "'"));
    }

    public CallerIdentity identify(ReceivedRequest request) {
        return identityOf(authenticate(request));
    }

    /** Who holds the credentials: the role session, as STS names it. */
    public static CallerIdentity identityOf(RoleSessionClaims claims) {
        return new CallerIdentity(RoleIds.roleId(claims.accountId(), claims.roleName()) + ":" + claims.userName(),
                claims.accountId(),
                "arn:aws:sts::" + claims.accountId() + ":assumed-role/" + claims.roleName() + "/" + claims.userName());
    }

    private UnsealedSession unsealed(String accessKeyId, String sessionToken, Instant now) {
        if (sessionToken == null || sessionToken.isBlank()) {
            throw rejected(SignatureFailure.INVALID_CLIENT_TOKEN_ID, "the request carries no session token");
        }
        UnsealedSession unsealed = unsealedSessions.unseal(accessKeyId, sessionToken, sealer.get(), now)
                .orElseThrow(() -> rejected(SignatureFailure.INVALID_CLIENT_TOKEN_ID,
                        "the session token is not one Gatehouse issued with this access key id"));
        Instant expiresAt = unsealed.claims().expiresAt();
        if (!now.isBefore(expiresAt)) {
            throw rejected(SignatureFailure.EXPIRED_TOKEN, "the credentials expired at " + expiresAt);
        }
        return unsealed;
    }

    private void requireStillEntitled(RoleSessionClaims claims, Instant now) {
        boolean sessionActive = sessions.findById(claims.sessionId())
                .filter(s -> s.activeAt(now)).map(PortalSession::userId)
                .filter(claims.userId()::equals).isPresent();
        boolean userEnabled = sessionActive && users.findById(claims.userId()).filter(User::enabled).isPresent();
        boolean assigned = userEnabled
                && assignments.userHolds(claims.userId(), claims.accountId(), claims.permissionSetArn());
        if (!assigned) {
            throw rejected(SignatureFailure.INVALID_CLIENT_TOKEN_ID,
                    "the credentials no longer hold: their portal session ended, or their user or assignment is gone");
        }
    }

    private static SignatureFailure failure(SigV4Exception e) {
        return switch (e.reason()) {
            case MISSING_AUTHENTICATION -> SignatureFailure.MISSING_AUTHENTICATION_TOKEN;
            case MALFORMED_AUTHORIZATION, INCOMPLETE_SIGNATURE, UNSUPPORTED_ALGORITHM ->
                    SignatureFailure.INCOMPLETE_SIGNATURE;
            case UNKNOWN_ACCESS_KEY -> SignatureFailure.INVALID_CLIENT_TOKEN_ID;
            case SIGNATURE_MISMATCH, INVALID_CREDENTIAL_SCOPE, PAYLOAD_HASH_MISMATCH ->
                    SignatureFailure.SIGNATURE_DOES_NOT_MATCH;
            case REQUEST_EXPIRED -> SignatureFailure.REQUEST_EXPIRED;
        };
    }

    private static DomainException rejected(SignatureFailure kind, String message) {
        return new DomainException(new DomainError.SignatureRejected(kind, message));
    }
}
