package dev.gatehouse.core.identitysource;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one identity source row (none stored means the built-in directory), and which Gatehouse user each of the
 * provider's subjects signed in as, so that the provider's logout, which names only its subject, finds them. For
 * SAML also Gatehouse's signing key, the AuthnRequests awaiting an answer, and the assertions already used. For LDAP
 * the directory entries the sync linked, and the lease that lets one node sync at a time.
 */
public interface IdentitySourceRepository {

    Optional<IdentitySource> find();

    /** Replaces the stored source. */
    void put(IdentitySource source);

    /** Records (or moves) the provider's subject to the user it signed in as. */
    void rememberSubject(String issuer, String subject, String userId, Instant at);

    Optional<String> userOfSubject(String issuer, String subject);

    Optional<SamlSpKey> samlSpKey();

    /** Stores the key unless one is there already (another node made it first); returns the one stored. */
    SamlSpKey insertSamlSpKeyIfAbsent(SamlSpKey key);

    void insertSamlRequest(String requestId, Instant expiresAt);

    /** Removes the request: true when it was there and had not expired at {@code now}, so it is answered once. */
    boolean takeSamlRequest(String requestId, Instant now);

    /** Records an assertion as used: false when it was used before (a replay). */
    boolean rememberAssertion(String issuer, String assertionId, Instant expiresAt);

    /** Directory id to Gatehouse id of every linked entry of the kind ({@code USER} or {@code GROUP}; LDAP sync). */
    Map<String, String> directoryLinks(String kind);

    /** The directory id linked to the Gatehouse user or group, if any (the first, should there be several). */
    default Optional<String> directoryIdOf(String kind, String gatehouseId) {
        return directoryLinks(kind).entrySet().stream().filter(link -> link.getValue().equals(gatehouseId))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Links (or relinks) a directory entry to the Gatehouse user or group it became. */
    void linkDirectoryEntry(String kind, String directoryId, String gatehouseId);

    void unlinkDirectoryEntry(String kind, String directoryId);

    /**
     * Takes the named lease for {@code holder} until {@code until}, or renews it: true unless another holder has it
     * unexpired at {@code now}. Decided by the database, so of two nodes asking at once only one gets it.
     */
    boolean takeLease(String name, String holder, Instant now, Instant until);

    /** Gives the lease up early, if {@code holder} still has it. */
    void releaseLease(String name, String holder);
}
