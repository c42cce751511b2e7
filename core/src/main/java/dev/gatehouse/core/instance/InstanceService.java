package dev.gatehouse.core.instance;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.keys.MasterKey;
import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.keys.StoredSealingKey;
import dev.gatehouse.core.keys.WrongMasterKeyException;
import dev.gatehouse.core.password.PasswordHasher;
import dev.gatehouse.core.password.PasswordHistoryRepository;
import dev.gatehouse.core.password.PasswordPolicy;
import dev.gatehouse.core.storage.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Creates the instance on first start (ARN, identity store id, first sealing key) and keeps its
 * configurable parts — region, portal URL, start-URL aliases — in step with the configuration. The sealing
 * keys are stored wrapped under the master key (docs/keys.md); each start first opens them all, so a wrong
 * master key stops it before anything is written.
 */
public final class InstanceService {

    /** How long a new sealing key is only known before it seals; servers re-read the keys more often. */
    public static final Duration KEY_ACTIVATION = Duration.ofMinutes(5);

    private static final String ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final InstanceRepository instance;
    private final UserRepository users;
    private final PasswordHistoryRepository passwordHistory;
    private final Transactions transactions;
    private final Clock clock;
    private final AuditLog audit;

    public InstanceService(InstanceRepository instance, UserRepository users, PasswordHistoryRepository passwordHistory,
                           Transactions transactions, Clock clock, AuditLog audit) {
        this.instance = instance;
        this.users = users;
        this.passwordHistory = passwordHistory;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * @throws WrongMasterKeyException when the master key does not open the stored sealing keys; nothing is
     *         written then
     */
    public Instance initialize(MasterKey masterKey, String region, String portalUrl, List<String> startUrlAliases) {
        return transactions.inTransaction(() -> {
            List<StoredSealingKey> stored = instance.sealingKeys();
            stored.forEach(masterKey::unwrap); // a wrong master key stops here, before any write
            stored.stream().filter(key -> !key.wrapped())
                    .forEach(legacy -> instance.replaceSealingKey(masterKey.wrap(masterKey.unwrap(legacy))));
            Optional<Instance> existing = instance.find();
            if (existing.isPresent()) {
                Instance current = existing.get();
                Instance configured = new Instance(current.instanceArn(), current.identityStoreId(), region,
                        portalUrl, startUrlAliases, current.createdAt());
                if (!configured.equals(current)) {
                    instance.update(configured);
                }
                return configured;
            }
            Instant now = clock.instant();
            Instance created = new Instance("arn:aws:sso:::instance/ssoins-" + Secrets.randomHex(16),
                    "d-" + randomAlnum(10), region, portalUrl, startUrlAliases, now);
            instance.insert(created);
            if (stored.isEmpty()) {
                instance.insertSealingKey(masterKey.wrap(new SealingKey(1, Secrets.randomBytes(32), now)));
            }
            return created;
        });
    }

    /**
     * Whether the database holds sealing keys wrapped under a master key — then only that key will do, and a
     * new one must never be made up.
     */
    public boolean holdsWrappedKeys() {
        return instance.sealingKeys().stream().anyMatch(StoredSealingKey::wrapped);
    }

    /**
     * Every sealing key in clear, the one that seals first, then the others newest first; all open what they
     * sealed. The sealing one is the newest key at least {@link #KEY_ACTIVATION} old (the only key of a new
     * instance before that): every running server has read a new key before any seals with it.
     */
    public List<SealingKey> sealingKeys(MasterKey masterKey) {
        List<SealingKey> newestFirst = instance.sealingKeys().stream().map(masterKey::unwrap).toList();
        if (newestFirst.isEmpty()) {
            return newestFirst;
        }
        Instant activeBefore = clock.instant().minus(KEY_ACTIVATION);
        SealingKey sealing = newestFirst.stream().filter(key -> !key.createdAt().isAfter(activeBefore)).findFirst()
                .orElse(newestFirst.getLast());
        return Stream.concat(Stream.of(sealing), newestFirst.stream().filter(key -> key != sealing)).toList();
    }

    /**
     * Adds a sealing key that seals once {@link #KEY_ACTIVATION} has passed; the older keys stay, so what they
     * sealed opens until it expires.
     *
     * @return the new key's id
     */
    public int rotateSealingKey(MasterKey masterKey, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            List<StoredSealingKey> stored = instance.sealingKeys();
            stored.forEach(masterKey::unwrap);
            int keyId = stored.stream().mapToInt(StoredSealingKey::keyId).max().orElse(0) + 1;
            instance.insertSealingKey(masterKey.wrap(new SealingKey(keyId, Secrets.randomBytes(32),
                    clock.instant())));
            audit.as(actor, EventSource.SSO_ADMIN, context).success("RotateSealingKey",
                    Map.of(), Map.of("keyId", keyId));
            return keyId;
        });
    }

    /**
     * Re-wraps every sealing key under {@code next}, all in one transaction: afterwards only {@code next}
     * opens the database, and every sealed token and secret stays valid.
     *
     * @return how many sealing keys were re-wrapped
     */
    public int rotateMasterKey(MasterKey current, MasterKey next, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            List<SealingKey> keys = instance.sealingKeys().stream().map(current::unwrap).toList();
            keys.forEach(key -> instance.replaceSealingKey(next.wrap(key)));
            audit.as(actor, EventSource.SSO_ADMIN, context).success("RotateMasterKey",
                    Map.of(), Map.of("sealingKeys", keys.size()));
            return keys.size();
        });
    }

    public Instance instance() {
        return instance.find().orElseThrow(() -> new IllegalStateException("instance not initialized"));
    }

    /** Whether the database answers: what readiness checks ask before sending traffic here. */
    public boolean storageAnswers() {
        try {
            instance.find();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Creates the bootstrap administrator once (the Keycloak convention: from environment variables).
     * Returns false when the user already exists, whatever their password.
     */
    public boolean bootstrapAdministrator(String userName, char[] password, PasswordHasher hasher) {
        if (users.findByUserName(userName).isPresent()) {
            return false;
        }
        PasswordPolicy.check(password);
        Instant now = clock.instant();
        User admin = new User(UUID.randomUUID().toString(), userName, userName, "Gatehouse", "Administrator",
                userName.toLowerCase(Locale.ROOT) + "@localhost.invalid", UserStatus.ENABLED, true,
                hasher.hash(password), now, now);
        transactions.run(() -> {
            users.insert(admin);
            passwordHistory.record(admin.userId(), admin.passwordHash(), now, PasswordPolicy.REMEMBERED);
            audit.as(Actor.administratorCli(), EventSource.IDENTITY_STORE,
                    RequestContext.commandLine(UUID.randomUUID().toString())).success("CreateUser",
                    Map.of("userName", userName, "administrator", true, "bootstrap", true),
                    Map.of("userId", admin.userId()));
        });
        return true;
    }

    private static String randomAlnum(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALNUM.charAt(Secrets.randomInt(ALNUM.length())));
        }
        return out.toString();
    }
}
