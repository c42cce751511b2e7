package dev.gatehouse.core.directory;

import java.util.List;
import java.util.Optional;

public interface UserRepository {

    /** Inserts; a duplicate user name (case-insensitive) fails with DomainError.AlreadyExists. */
    void insert(User user);

    void update(User user);

    /** Deletes the user with their memberships and assignments. */
    void delete(String userId);

    Optional<User> findById(String userId);

    /** Case-insensitive, as user names are in the identity store. */
    Optional<User> findByUserName(String userName);

    /** The users whose email is {@code email}, ignoring case (an email may be shared), ordered by user name. */
    List<User> withEmail(String email);

    /** Ordered by user name, starting after {@code afterUserName} (null: from the start). */
    List<User> list(String afterUserName, int limit);

    long count();

    /** Whether any user, enabled or not, carries the administrator flag: a fresh installation has none. */
    boolean anyAdministrator();

    /**
     * Users whose name starts with {@code userNamePrefix}, ignoring case; ordered by user name, after
     * {@code afterUserName} (null: from the start).
     */
    List<User> search(String userNamePrefix, String afterUserName, int limit);

    /** The members of a group, ordered by user name, after {@code afterUserName} (null: from the start). */
    List<User> membersOf(String groupId, String afterUserName, int limit);
}
