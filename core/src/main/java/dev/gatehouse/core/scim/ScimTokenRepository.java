package dev.gatehouse.core.scim;

import java.util.List;
import java.util.Optional;

public interface ScimTokenRepository {

    void insert(ScimToken token);

    Optional<ScimToken> findByHash(String tokenHash);

    /** Ordered by creation, oldest first. */
    List<ScimToken> list();

    /** @return whether a token was deleted */
    boolean delete(String tokenId);
}
