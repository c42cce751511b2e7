package dev.gatehouse.core.identitysource;

import java.time.Instant;
import java.util.Optional;

/**
 * The one identity source row (none stored means the built-in directory), and which Gatehouse user each of the
 * provider's subjects signed in as, so that the provider's logout, which names only its subject, finds them.
 */
public interface IdentitySourceRepository {

    Optional<IdentitySource> find();

    /** Replaces the stored source. */
    void put(IdentitySource source);

    /** Records (or moves) the provider's subject to the user it signed in as. */
    void rememberSubject(String issuer, String subject, String userId, Instant at);

    Optional<String> userOfSubject(String issuer, String subject);
}
