package dev.gatehouse.core.oidc;

import java.time.Instant;
import java.util.Optional;

public interface AuthorizationCodeRepository {

    void insert(AuthorizationCode code);

    Optional<AuthorizationCode> findByCodeHash(String codeHash);

    /**
     * Marks the code used by the session it started, only if it was still unused, so two racing token requests
     * cannot both redeem it. Returns whether this call did it.
     */
    boolean markUsed(String codeHash, String sessionId, Instant at);
}
