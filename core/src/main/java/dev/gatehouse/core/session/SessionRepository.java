package dev.gatehouse.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Portal sessions and the access and refresh tokens issued under them. */
public interface SessionRepository {

    void insert(PortalSession session);

    Optional<PortalSession> findById(String sessionId);

    /** Browser sessions, by the hash of their cookie value. */
    Optional<PortalSession> findBySecretHash(String secretHash);

    List<PortalSession> activeSessionsOf(String userId, Instant now);

    /** How many sessions of anyone are neither expired nor revoked at {@code now} (a gauge for operators). */
    long countActive(Instant now);

    /** Marks the session revoked (if not already). Returns whether it changed. */
    boolean revoke(String sessionId, Instant at);

    /** Revokes every session of the user. Returns how many changed. */
    int revokeAllOf(String userId, Instant at);

    /** Revokes every browser session of every user (not the CLI's). Returns how many changed. */
    int revokeAllBrowser(Instant at);

    void insertToken(IssuedToken token);

    /** Inserts tokens issued together (an access token and its refresh token); a database may do it in one go. */
    default void insertTokens(List<IssuedToken> tokens) {
        tokens.forEach(this::insertToken);
    }

    Optional<IssuedToken> findToken(String tokenHash);

    /** Marks a refresh token used only if it was unused; returns whether this call did it. */
    boolean markTokenUsed(String tokenHash, Instant at);
}
