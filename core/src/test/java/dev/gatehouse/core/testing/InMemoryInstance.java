package dev.gatehouse.core.testing;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.instance.InstanceRepository;
import dev.gatehouse.core.keys.StoredSealingKey;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The single instance row and the stored sealing keys. */
final class InMemoryInstance implements InstanceRepository {

    private static final Integer SINGLETON = 1;

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryInstance(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public Optional<Instance> find() {
        return statements.read("InstanceRepository.find", () -> tables.instance.get(SINGLETON));
    }

    @Override
    public void insert(Instance instance) {
        statements.run(() -> {
            if (tables.instance.contains(SINGLETON)) {
                throw DomainException.exists("Instance", instance.instanceArn());
            }
            tables.instance.put(SINGLETON, instance);
        });
    }

    /** Only the portal URL and the start-URL aliases change; identity and region stay as created. */
    @Override
    public void update(Instance instance) {
        statements.run(() -> {
            Instance stored = tables.instance.get(SINGLETON)
                    .orElseThrow(() -> DomainException.notFound("Instance", instance.instanceArn()));
            tables.instance.put(SINGLETON, new Instance(stored.instanceArn(), stored.identityStoreId(),
                    stored.region(), instance.portalUrl(), instance.startUrlAliases(), stored.createdAt()));
        });
    }

    @Override
    public Optional<String> managementAccountId() {
        return statements.read("InstanceRepository.managementAccountId",
                () -> tables.managementAccount.get(SINGLETON));
    }

    @Override
    public void setManagementAccountId(String accountId) {
        statements.run(() -> {
            if (accountId == null) {
                tables.managementAccount.remove(SINGLETON);
            } else {
                tables.managementAccount.put(SINGLETON, accountId);
            }
        });
    }

    @Override
    public void insertSealingKey(StoredSealingKey key) {
        statements.run(() -> {
            if (tables.sealingKeys.contains(key.keyId())) {
                throw DomainException.exists("SealingKey", String.valueOf(key.keyId()));
            }
            tables.sealingKeys.put(key.keyId(), key);
        });
    }

    /** Material and whether it is wrapped change; the creation time stays. */
    @Override
    public void replaceSealingKey(StoredSealingKey key) {
        statements.run(() -> {
            StoredSealingKey stored = tables.sealingKeys.get(key.keyId())
                    .orElseThrow(() -> DomainException.notFound("SealingKey", String.valueOf(key.keyId())));
            tables.sealingKeys.put(key.keyId(), new StoredSealingKey(key.keyId(), key.material().clone(),
                    key.wrapped(), stored.createdAt()));
        });
    }

    @Override
    public List<StoredSealingKey> sealingKeys() {
        return statements.read("InstanceRepository.sealingKeys", () -> tables.sealingKeys.rows()
                .sorted(Comparator.comparing(StoredSealingKey::createdAt)
                        .thenComparing(StoredSealingKey::keyId).reversed())
                .toList());
    }
}
