package dev.gatehouse.core.service;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.model.Instance;
import dev.gatehouse.core.model.SealingKey;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.UserStatus;
import dev.gatehouse.core.port.PasswordHasher;
import dev.gatehouse.core.port.Store;
import dev.gatehouse.core.token.CredentialSealer;
import dev.gatehouse.core.token.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates the instance on first start (ARN, identity store id, first sealing key) and keeps its
 * configurable parts — region, portal URL, start-URL aliases — in step with the configuration.
 */
public final class InstanceService {

    private static final String ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final Store store;
    private final Clock clock;
    private final AuditLog audit;

    public InstanceService(Store store, Clock clock, AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
    }

    public Instance initialize(String region, String portalUrl, List<String> startUrlAliases) {
        return store.inTransaction(tx -> {
            Optional<Instance> existing = tx.instance().find();
            if (existing.isPresent()) {
                Instance current = existing.get();
                Instance configured = new Instance(current.instanceArn(), current.identityStoreId(), region,
                        portalUrl, startUrlAliases, current.createdAt());
                if (!configured.equals(current)) {
                    tx.instance().update(configured);
                }
                return configured;
            }
            Instant now = clock.instant();
            Instance created = new Instance("arn:aws:sso:::instance/ssoins-" + Secrets.randomHex(16),
                    "d-" + randomAlnum(10), region, portalUrl, startUrlAliases, now);
            tx.instance().insert(created);
            tx.instance().insertSealingKey(new SealingKey(1, Secrets.randomBytes(32), now));
            return created;
        });
    }

    public Instance instance() {
        return store.instance().find().orElseThrow(() -> new IllegalStateException("instance not initialized"));
    }

    public CredentialSealer sealer() {
        return new CredentialSealer(store.instance().sealingKeys());
    }

    /**
     * Creates the bootstrap administrator once (the Keycloak convention: from environment variables).
     * Returns false when the user already exists, whatever their password.
     */
    public boolean bootstrapAdministrator(String userName, char[] password, PasswordHasher hasher) {
        if (store.users().findByUserName(userName).isPresent()) {
            return false;
        }
        PasswordPolicy.check(password);
        Instant now = clock.instant();
        User admin = new User(UUID.randomUUID().toString(), userName, userName, "Gatehouse", "Administrator",
                userName.toLowerCase(Locale.ROOT) + "@localhost.invalid", UserStatus.ENABLED, true,
                hasher.hash(password), now, now);
        store.inTransaction(tx -> {
            tx.users().insert(admin);
            audit.success(tx.audit(), RequestContext.commandLine(UUID.randomUUID().toString()),
                    Actor.administratorCli(), EventSource.IDENTITY_STORE, "CreateUser",
                    Map.of("userName", userName, "administrator", true, "bootstrap", true),
                    Map.of("userId", admin.userId()));
            return null;
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
