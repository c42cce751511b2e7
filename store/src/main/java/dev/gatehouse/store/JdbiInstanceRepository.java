package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.instance.InstanceRepository;
import dev.gatehouse.core.keys.StoredSealingKey;
import java.util.List;
import java.util.Optional;

/** The instance is the table's single row (its key is the constant 1); a second insert is AlreadyExists. */
final class JdbiInstanceRepository implements InstanceRepository {

    private final Handles handles;

    JdbiInstanceRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Optional<Instance> find() {
        return handles.call(h -> h.createQuery("""
                        SELECT instance_arn, identity_store_id, region, portal_url, start_url_aliases, created_at
                        FROM instance""")
                .map((row, context) -> new Instance(row.getString("instance_arn"), row.getString("identity_store_id"),
                        row.getString("region"), row.getString("portal_url"),
                        Json.strings(row.getString("start_url_aliases")), EpochNanos.read(row, "created_at")))
                .findOne());
    }

    @Override
    public void insert(Instance instance) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO instance (singleton, instance_arn, identity_store_id, region, portal_url,
                               start_url_aliases, created_at)
                        VALUES (1, :instanceArn, :identityStoreId, :region, :portalUrl, :startUrlAliases, :createdAt)""")
                        .bind("instanceArn", instance.instanceArn())
                        .bind("identityStoreId", instance.identityStoreId())
                        .bind("region", instance.region())
                        .bind("portalUrl", instance.portalUrl())
                        .bind("startUrlAliases", Json.write(instance.startUrlAliases()))
                        .bind("createdAt", EpochNanos.of(instance.createdAt()))
                        .execute(),
                violation -> DomainException.exists("Instance", instance.instanceArn())));
    }

    /** Only the portal URL and the start-URL aliases change; identity and region stay as created. */
    @Override
    public void update(Instance instance) {
        int updated = handles.call(h -> h.createUpdate(
                        "UPDATE instance SET portal_url = :portalUrl, start_url_aliases = :startUrlAliases")
                .bind("portalUrl", instance.portalUrl())
                .bind("startUrlAliases", Json.write(instance.startUrlAliases()))
                .execute());
        if (updated == 0) {
            throw DomainException.notFound("Instance", instance.instanceArn());
        }
    }

    @Override
    public Optional<String> managementAccountId() {
        return handles.call(h -> h.createQuery("SELECT management_account_id FROM instance")
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public void setManagementAccountId(String accountId) {
        int updated = handles.call(h -> h.createUpdate("UPDATE instance SET management_account_id = :accountId")
                .bind("accountId", accountId)
                .execute());
        if (updated == 0) {
            throw DomainException.notFound("Instance", "instance");
        }
    }

    @Override
    public void insertSealingKey(StoredSealingKey key) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                                INSERT INTO sealing_keys (key_id, secret, wrapped, created_at)
                                VALUES (:keyId, :secret, :wrapped, :createdAt)""")
                        .bind("keyId", key.keyId())
                        .bind("secret", key.material())
                        .bind("wrapped", key.wrapped())
                        .bind("createdAt", EpochNanos.of(key.createdAt()))
                        .execute(),
                violation -> DomainException.exists("SealingKey", String.valueOf(key.keyId()))));
    }

    @Override
    public void replaceSealingKey(StoredSealingKey key) {
        int updated = handles.call(h -> h.createUpdate(
                        "UPDATE sealing_keys SET secret = :secret, wrapped = :wrapped WHERE key_id = :keyId")
                .bind("keyId", key.keyId())
                .bind("secret", key.material())
                .bind("wrapped", key.wrapped())
                .execute());
        if (updated == 0) {
            throw DomainException.notFound("SealingKey", String.valueOf(key.keyId()));
        }
    }

    @Override
    public List<StoredSealingKey> sealingKeys() {
        return handles.call(h -> h.createQuery("""
                        SELECT key_id, secret, wrapped, created_at FROM sealing_keys
                        ORDER BY created_at DESC, key_id DESC""")
                .map((row, context) -> new StoredSealingKey(row.getInt("key_id"), row.getBytes("secret"),
                        row.getBoolean("wrapped"), EpochNanos.read(row, "created_at")))
                .list());
    }
}
