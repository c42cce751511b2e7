package dev.gatehouse.core.password;

import java.time.Instant;
import java.util.List;

/** The hashes of each user's latest passwords, so that they are not chosen again; they go with their user. */
public interface PasswordHistoryRepository {

    /** The user's remembered password hashes, newest first. */
    List<String> latest(String userId);

    /**
     * Remembers {@code passwordHash} as the user's newest password and forgets all but the newest {@code keep}.
     *
     * @throws dev.gatehouse.core.error.DomainException NotFound for no such user
     */
    void record(String userId, String passwordHash, Instant setAt, int keep);
}
