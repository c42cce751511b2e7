package dev.gatehouse.core.instance;

import dev.gatehouse.core.keys.StoredSealingKey;
import java.util.List;
import java.util.Optional;

/** The one instance row and the keys that seal session tokens and MFA secrets, as stored (wrapped). */
public interface InstanceRepository {

    Optional<Instance> find();

    void insert(Instance instance);

    /** Replaces the accepted start-URL aliases and portal URL (configuration may change between starts). */
    void update(Instance instance);

    /** The account chosen as the management account, or empty when none was chosen (docs/admin-api.md). */
    Optional<String> managementAccountId();

    /** Chooses the management account; null goes back to the default, the first account created. */
    void setManagementAccountId(String accountId);

    void insertSealingKey(StoredSealingKey key);

    /** Replaces a key's stored form: a legacy plaintext key wrapped, or a key re-wrapped under a new master key. */
    void replaceSealingKey(StoredSealingKey key);

    /** Newest first. */
    List<StoredSealingKey> sealingKeys();
}
