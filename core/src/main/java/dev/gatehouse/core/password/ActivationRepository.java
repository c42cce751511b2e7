package dev.gatehouse.core.password;

import java.time.Instant;
import java.util.Optional;

public interface ActivationRepository {

    void insert(ActivationLink link);

    Optional<ActivationLink> findByTokenHash(String tokenHash);

    /** Marks the link used only if it was unused; returns whether this call did it. */
    boolean markUsed(String tokenHash, Instant at);

    /** Marks every unused link of the user used, so none works any more; returns how many changed. */
    int markAllUsedOf(String userId, Instant at);
}
