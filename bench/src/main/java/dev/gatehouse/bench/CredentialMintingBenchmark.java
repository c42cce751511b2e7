package dev.gatehouse.bench;

import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.credentials.AccessKeyIds;
import dev.gatehouse.core.credentials.CredentialMinter;
import dev.gatehouse.core.credentials.CredentialSealer;
import dev.gatehouse.core.credentials.RoleCredentials;
import dev.gatehouse.core.credentials.RoleSessionClaims;
import dev.gatehouse.core.directory.User;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
 * The in-process part of GetRoleCredentials: mint an access key id, a secret and a sealed session token.
 * The two parts are also measured alone, so the report can say which one a slow mint comes from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
// Long warm-up: on a busy 2-core machine C2 needs 10-20 s before this code reaches steady state.
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 3, time = 3)
public class CredentialMintingBenchmark {

    private CredentialMinter minter;
    private CredentialSealer sealer;
    private User user;
    private PermissionSet permissionSet;
    private Instant now;
    private RoleSessionClaims claims;

    @Setup
    public void setUp() {
        now = Instant.now();
        sealer = SessionFixtures.sealer();
        minter = new CredentialMinter(() -> sealer);
        user = SessionFixtures.user(now);
        permissionSet = SessionFixtures.permissionSet(now);
        RoleCredentials sample = minter.mint("session", user, SessionFixtures.ACCOUNT_ID, permissionSet, now);
        claims = sealer.unseal(sample.sessionToken()).orElseThrow();
    }

    @Benchmark
    public RoleCredentials mint(CpuPerOp cpu) {
        cpu.count();
        return minter.mint("0f8a4c1e-3b7d-4e29-9a51-6c2d8e0b7f13", user, SessionFixtures.ACCOUNT_ID, permissionSet, now);
    }

    /** Part one: the random access key id and 40-character secret (56 draws from the shared SecureRandom). */
    @Benchmark
    public String randomKeyPair(CpuPerOp cpu) {
        cpu.count();
        return AccessKeyIds.newTemporaryKeyId() + AccessKeyIds.newSecretAccessKey();
    }

    /** Part two, and the baseline: AES-GCM sealing of a fixed claim set (random nonce included). */
    @Benchmark
    public String sealOnly(CpuPerOp cpu) {
        cpu.count();
        return sealer.seal(claims);
    }
}
