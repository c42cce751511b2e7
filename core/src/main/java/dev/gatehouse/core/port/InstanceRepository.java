package dev.gatehouse.core.port;

import dev.gatehouse.core.model.Instance;
import dev.gatehouse.core.model.SealingKey;
import java.util.List;
import java.util.Optional;

/** The one instance row and the keys that seal role-credential session tokens. */
public interface InstanceRepository {

    Optional<Instance> find();

    void insert(Instance instance);

    /** Replaces the accepted start-URL aliases and portal URL (configuration may change between starts). */
    void update(Instance instance);

    void insertSealingKey(SealingKey key);

    /** Newest first. */
    List<SealingKey> sealingKeys();
}
