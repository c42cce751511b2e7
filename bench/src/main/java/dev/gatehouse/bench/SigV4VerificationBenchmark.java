package dev.gatehouse.bench;

import dev.gatehouse.core.credentials.CredentialMinter;
import dev.gatehouse.core.credentials.CredentialSealer;
import dev.gatehouse.core.credentials.RoleCredentials;
import dev.gatehouse.core.credentials.RoleSessionClaims;
import dev.gatehouse.core.credentials.UnsealedSessionCache;
import dev.gatehouse.core.credentials.UnsealedSessionCache.UnsealedSession;
import dev.gatehouse.sigv4.ReceivedRequest;
import dev.gatehouse.sigv4.SecretLookup;
import dev.gatehouse.sigv4.SigV4Exception;
import dev.gatehouse.sigv4.SigV4Verifier;
import dev.gatehouse.sigv4.SigningKeyCache;
import dev.gatehouse.sigv4.SigningSecretLookup;
import dev.gatehouse.sigv4.VerifiedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What GetCallerIdentity costs before its database re-checks: verify the SigV4 signature of an SDK-shaped
 * request, taking the secret from the sealed session token. Two baselines from the same run give ratios
 * that survive a noisy machine: the one HMAC every verification must do, and the unseal alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
// Long warm-up: on a busy 2-core machine C2 needs 10-20 s before this code reaches steady state.
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 3, time = 3)
public class SigV4VerificationBenchmark {

    private CredentialSealer sealer;
    private SigV4Verifier verifier;
    private SecretLookup secrets;
    /** The secret handed over as it is, so the verifier's own cost shows without the session token's unseal. */
    private SecretLookup knownSecret;
    /** The session token looked up in the unsealed-session cache, as GetCallerIdentity does. */
    private SigningSecretLookup cachedSessions;
    private Instant now;
    private ReceivedRequest request;
    private String sessionToken;

    /** A one-entry key cache and two credential sets used in turn: every call derives a signing key. */
    private SigV4Verifier missingVerifier;
    private ReceivedRequest[] twoCredentials;
    private int turn;

    private byte[] signingKey;
    private String stringToSign;

    @Setup
    public void setUp() throws SigV4Exception {
        Instant signedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        now = signedAt.plusSeconds(1);
        sealer = SessionFixtures.sealer();
        CredentialMinter minter = new CredentialMinter(() -> sealer);
        secrets = (accessKeyId, token) -> SessionFixtures.secretFromToken(sealer, accessKeyId, token, now);
        verifier = new SigV4Verifier(new SigningKeyCache(10_000), Duration.ofMinutes(15));
        UnsealedSessionCache unsealedSessions = new UnsealedSessionCache(10_000);
        cachedSessions = (accessKeyId, token) -> unsealedSessions.unseal(accessKeyId, token, sealer, now)
                .filter(session -> now.isBefore(session.claims().expiresAt()))
                .map(UnsealedSession::signingSecret);
        missingVerifier = new SigV4Verifier(new SigningKeyCache(1), Duration.ofMinutes(15));

        twoCredentials = new ReceivedRequest[2];
        for (int i = 0; i < 2; i++) {
            RoleCredentials credentials = minter.mint("session-" + i, SessionFixtures.user(signedAt),
                    SessionFixtures.ACCOUNT_ID, SessionFixtures.permissionSet(signedAt), signedAt);
            twoCredentials[i] = GetCallerIdentityRequest.signed("sts.gatehouse.example", credentials.accessKeyId(),
                    credentials.secretAccessKey(), credentials.sessionToken(), SessionFixtures.REGION, signedAt)
                    .received();
            if (i == 0) {
                sessionToken = credentials.sessionToken();
                String secret = credentials.secretAccessKey();
                knownSecret = (accessKeyId, token) -> Optional.of(secret);
                signingKey = RequestSigner.signingKey(credentials.secretAccessKey(), scopeDate(signedAt),
                        SessionFixtures.REGION, "sts");
            }
        }
        request = twoCredentials[0];
        // Same length and shape as the real one; only the hashed canonical request is a stand-in.
        stringToSign = "AWS4-HMAC-SHA256\n" + request.headers().get("X-Amz-Date").getFirst() + '\n'
                + scopeDate(signedAt) + "/us-east-1/sts/aws4_request\n"
                + RequestSigner.sha256Hex("canonical request".getBytes(StandardCharsets.UTF_8));
        // Fail at set-up, not with a benchmark full of exceptions, if signer and verifier disagree.
        verifier.verify(request, secrets, now);
        verifier.verify(request, knownSecret, now);
        verifier.verifyWithSigningSecrets(request, cachedSessions, now);
        missingVerifier.verify(twoCredentials[1], secrets, now);
    }

    @Benchmark
    public VerifiedRequest verifyGetCallerIdentity(CpuPerOp cpu) throws SigV4Exception {
        cpu.count();
        return verifier.verify(request, secrets, now);
    }

    /**
     * The usual client pattern: repeated calls with the same credentials, so the session token was unsealed
     * (and its signing key derived) by an earlier call.
     */
    @Benchmark
    public VerifiedRequest verifyCachedSession(CpuPerOp cpu) throws SigV4Exception {
        cpu.count();
        return verifier.verifyWithSigningSecrets(request, cachedSessions, now);
    }

    /** The verifier alone: the same request, with a lookup that needs no unseal. */
    @Benchmark
    public VerifiedRequest verifyWithKnownSecret(CpuPerOp cpu) throws SigV4Exception {
        cpu.count();
        return verifier.verify(request, knownSecret, now);
    }

    /** The first request made with freshly issued credentials: the signing key is not cached yet. */
    @Benchmark
    public VerifiedRequest verifyWithUncachedSigningKey(CpuPerOp cpu) throws SigV4Exception {
        cpu.count();
        turn ^= 1;
        return missingVerifier.verify(twoCredentials[turn], secrets, now);
    }

    /** Baseline: the one HMAC-SHA256 (of the string to sign) no verification can avoid, done as the verifier does. */
    @Benchmark
    public byte[] baselineHmacOfStringToSign(CpuPerOp cpu) throws GeneralSecurityException {
        cpu.count();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
        return mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
    }

    /** Baseline: AES-GCM unseal of the session token alone. */
    @Benchmark
    public Optional<RoleSessionClaims> baselineUnseal(CpuPerOp cpu) {
        cpu.count();
        return sealer.unseal(sessionToken);
    }

    private static String scopeDate(Instant at) {
        return at.toString().substring(0, 10).replace("-", "");
    }
}
