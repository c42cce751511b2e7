package dev.gatehouse.core.signin;

import java.time.Instant;
import java.util.Optional;

/** Sign-ins waiting for their second factor; they go with their user. */
public interface PendingSignInRepository {

    void insert(PendingSignIn pending);

    Optional<PendingSignIn> find(String secretHash);

    /** Deletes it; of two calls racing, exactly one returns true, so a pending sign-in completes once. */
    boolean delete(String secretHash);

    /** Forgets those that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
