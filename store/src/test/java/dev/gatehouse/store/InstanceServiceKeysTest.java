package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.credentials.CredentialSealer;
import dev.gatehouse.core.credentials.RoleSessionClaims;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.instance.InstanceService;
import dev.gatehouse.core.keys.MasterKey;
import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.keys.StoredSealingKey;
import dev.gatehouse.core.keys.WrongMasterKeyException;
import dev.gatehouse.store.testing.TestInstances;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sealing keys at rest, wrapped under the master key, on a real (H2) store. */
class InstanceServiceKeysTest extends ServiceOnH2 {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String PORTAL = "https://sso.example.com/start";
    private static final RequestContext CONTEXT = RequestContext.commandLine("request-1");


    private final MasterKey master = MasterKey.of(MasterKey.randomBytes());
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private InstanceService instances;

    @BeforeEach
    void setUp() {
        instances = new InstanceService(store.instance(), store.users(), store.passwordHistory(), store, clock,
                new AuditLog(store.audit(), clock));
    }

    private Instance initialize(MasterKey key, String portalUrl) {
        return instances.initialize(key, "us-east-1", portalUrl, List.of());
    }

    @Test
    void initializeWhenFirstStartThenOneSealingKeyStoredWrapped() {
        assertThat(instances.holdsWrappedKeys()).isFalse();

        initialize(master, PORTAL);

        List<StoredSealingKey> stored = store.instance().sealingKeys();
        assertThat(stored).singleElement().satisfies(key -> {
            assertThat(key.keyId()).isEqualTo(1);
            assertThat(key.wrapped()).isTrue();
        });
        assertThat(instances.holdsWrappedKeys()).isTrue();
        assertThat(instances.sealingKeys(master)).singleElement()
                .satisfies(key -> assertThat(key.secret()).hasSize(32).isNotEqualTo(stored.getFirst().material()));
    }

    @Test
    void initializeWhenWrongMasterKeyThenRefusedAndNothingWritten() {
        Instance created = initialize(master, PORTAL);
        byte[] storedBefore = store.instance().sealingKeys().getFirst().material();

        Throwable refused = catchThrowable(() -> initialize(MasterKey.of(MasterKey.randomBytes()),
                "https://changed.example.com/start"));

        assertThat(refused).isInstanceOf(WrongMasterKeyException.class)
                .hasMessageStartingWith("The master key does not match the one this database was created with");
        assertThat(store.instance().find()).contains(created);
        assertThat(store.instance().sealingKeys()).singleElement()
                .satisfies(key -> assertThat(key.material()).isEqualTo(storedBefore));
    }

    @Test
    void initializeWhenRightMasterKeyThenSameSealingKeysOpen() {
        initialize(master, PORTAL);
        byte[] secret = instances.sealingKeys(master).getFirst().secret();

        initialize(master, "https://changed.example.com/start");

        assertThat(instances.sealingKeys(master)).singleElement()
                .satisfies(key -> assertThat(key.secret()).isEqualTo(secret));
        assertThat(instances.instance().portalUrl()).isEqualTo("https://changed.example.com/start");
    }

    @Test
    void initializeWhenLegacyPlaintextKeysThenWrappedInPlaceWithTheSameSecrets() {
        store.instance().insert(TestInstances.instance());
        byte[] legacySecret = Secrets.randomBytes(32);
        store.instance().insertSealingKey(new StoredSealingKey(1, legacySecret, false, NOW));
        CredentialSealer before = new CredentialSealer(List.of(new SealingKey(1, legacySecret, NOW)));
        String token = before.seal(claims());
        assertThat(instances.holdsWrappedKeys()).isFalse();

        initialize(master, PORTAL);

        StoredSealingKey stored = store.instance().sealingKeys().getFirst();
        assertThat(stored.wrapped()).isTrue();
        assertThat(stored.material()).isNotEqualTo(legacySecret);
        assertThat(new CredentialSealer(instances.sealingKeys(master)).unseal(token)).contains(claims());
        assertThat(catchThrowable(() -> instances.sealingKeys(MasterKey.of(MasterKey.randomBytes()))))
                .isInstanceOf(WrongMasterKeyException.class);
    }

    @Test
    void rotateSealingKeyThenNewKeySealsAndTheOldStillOpens() {
        initialize(master, PORTAL);
        String oldToken = new CredentialSealer(instances.sealingKeys(master)).seal(claims());

        now.set(NOW.plus(Duration.ofDays(30)));

        int keyId = instances.rotateSealingKey(master, Actor.administratorCli(), CONTEXT);

        assertThat(keyId).isEqualTo(2);
        assertThat(instances.sealingKeys(master)).as("known, not yet sealing").extracting(SealingKey::keyId)
                .containsExactly(1, 2);
        now.set(now.get().plus(InstanceService.KEY_ACTIVATION));
        List<SealingKey> keys = instances.sealingKeys(master);
        assertThat(keys).extracting(SealingKey::keyId).containsExactly(2, 1);
        CredentialSealer after = new CredentialSealer(keys);
        assertThat(after.unseal(oldToken)).contains(claims());
        assertThat(keyIdOf(after.seal(claims()))).isEqualTo(2);
        assertThat(store.audit().find(AuditQuery.all())).extracting(AuditEvent::eventName)
                .contains("RotateSealingKey");
    }

    @Test
    void rotateMasterKeyThenOnlyTheNewMasterKeyOpensTheSameSealingKeys() {
        initialize(master, PORTAL);
        instances.rotateSealingKey(master, Actor.administratorCli(), CONTEXT);
        List<SealingKey> before = instances.sealingKeys(master);
        MasterKey next = MasterKey.of(MasterKey.randomBytes());

        int rewrapped = instances.rotateMasterKey(master, next, Actor.administratorCli(), CONTEXT);

        assertThat(rewrapped).isEqualTo(2);
        assertThat(instances.sealingKeys(next)).extracting(SealingKey::secret)
                .containsExactly(before.get(0).secret(), before.get(1).secret());
        assertThat(catchThrowable(() -> initialize(master, PORTAL))).isInstanceOf(WrongMasterKeyException.class);
        assertThat(store.audit().find(AuditQuery.all())).extracting(AuditEvent::eventName)
                .contains("RotateMasterKey");
    }

    @Test
    void rotateMasterKeyWhenCurrentKeyWrongThenNothingChanges() {
        initialize(master, PORTAL);
        byte[] storedBefore = store.instance().sealingKeys().getFirst().material();
        MasterKey wrong = MasterKey.of(MasterKey.randomBytes());

        Throwable refused = catchThrowable(() -> instances.rotateMasterKey(wrong,
                MasterKey.of(MasterKey.randomBytes()), Actor.administratorCli(), CONTEXT));

        assertThat(refused).isInstanceOf(WrongMasterKeyException.class);
        assertThat(store.instance().sealingKeys().getFirst().material()).isEqualTo(storedBefore);
    }

    private static int keyIdOf(String token) {
        byte[] raw = Base64.getUrlDecoder().decode(token);
        return ByteBuffer.wrap(raw, 1, 4).getInt();
    }

    private static RoleSessionClaims claims() {
        return new RoleSessionClaims("ASIAABCDEFGHIJKLMNOP", "secret", "session-1", "user-1", "ed.developer",
                "111122223333", "arn:aws:sso:::permissionSet/ssoins-1/ps-1", "AWSReservedSSO_Power_0123456789abcdef",
                NOW, NOW.plusSeconds(3600));
    }
}
