package dev.gatehouse.core.signin;

import java.time.Instant;
import java.util.Optional;

/** Browsers that context-aware MFA remembers; they go with their user. */
public interface RememberedBrowserRepository {

    void insert(RememberedBrowser browser);

    Optional<RememberedBrowser> find(String secretHash);

    /** Forgets those that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
