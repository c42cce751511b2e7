package dev.gatehouse.store;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.error.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiUserRepository implements UserRepository {

    private static final String COLUMNS = """
            user_id, user_name, display_name, given_name, family_name, email, status, administrator,
            password_hash, created_at, updated_at""";

    private final Handles handles;

    JdbiUserRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(User user) {
        handles.call(h -> Constraints.guarded(h, () -> bind(h.createUpdate("""
                        INSERT INTO users (user_id, user_name, user_name_lc, display_name, given_name, family_name,
                                           email, status, administrator, password_hash, created_at, updated_at)
                        VALUES (:userId, :userName, :userNameLc, :displayName, :givenName, :familyName,
                                :email, :status, :administrator, :passwordHash, :createdAt, :updatedAt)"""), user)
                        .execute(),
                violation -> DomainException.exists("User", user.userName())));
    }

    @Override
    public void update(User user) {
        int updated = handles.call(h -> Constraints.guarded(h, () -> bind(h.createUpdate("""
                        UPDATE users SET user_name = :userName, user_name_lc = :userNameLc, display_name = :displayName,
                               given_name = :givenName, family_name = :familyName, email = :email, status = :status,
                               administrator = :administrator, password_hash = :passwordHash, updated_at = :updatedAt
                        WHERE user_id = :userId"""), user)
                        .execute(),
                violation -> DomainException.exists("User", user.userName())));
        if (updated == 0) {
            throw DomainException.notFound("User", user.userId());
        }
    }

    private static <S extends SqlStatement<S>> S bind(S statement, User user) {
        return statement.bind("userId", user.userId())
                .bind("userName", user.userName())
                .bind("userNameLc", Names.lowerCase(user.userName()))
                .bind("displayName", user.displayName())
                .bind("givenName", user.givenName())
                .bind("familyName", user.familyName())
                .bind("email", user.email())
                .bind("status", user.status().name())
                .bind("administrator", user.administrator())
                .bind("passwordHash", user.passwordHash())
                .bind("createdAt", EpochNanos.of(user.createdAt()))
                .bind("updatedAt", EpochNanos.of(user.updatedAt()));
    }

    @Override
    public void delete(String userId) {
        handles.atomically(h -> {
            // Memberships and activation links go by foreign key; assignments name their principal without one.
            h.createUpdate("DELETE FROM account_assignments WHERE principal_type = 'USER' AND principal_id = :userId")
                    .bind("userId", userId)
                    .execute();
            return h.createUpdate("DELETE FROM users WHERE user_id = :userId").bind("userId", userId).execute();
        });
    }

    @Override
    public Optional<User> findById(String userId) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE user_id = :userId")
                .bind("userId", userId)
                .map(JdbiUserRepository::map)
                .findOne());
    }

    @Override
    public Optional<User> findByUserName(String userName) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE user_name_lc = :userNameLc")
                .bind("userNameLc", Names.lowerCase(userName))
                .map(JdbiUserRepository::map)
                .findOne());
    }

    @Override
    public List<User> withEmail(String email) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM users WHERE LOWER(email) = :emailLc ORDER BY user_name_lc")
                .bind("emailLc", Names.lowerCase(email))
                .map(JdbiUserRepository::map)
                .list());
    }

    @Override
    public List<User> list(String afterUserName, int limit) {
        Keyset page = new Keyset("user_name_lc", Names.lowerCase(afterUserName), limit);
        if (page.isEmpty()) {
            return List.of();
        }
        return handles.call(h -> page.bind(h.createQuery(
                        "SELECT " + COLUMNS + " FROM users WHERE " + page.condition() + page.orderAndLimit()))
                .map(JdbiUserRepository::map)
                .list());
    }

    @Override
    public long count() {
        return handles.call(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
    }

    @Override
    public boolean anyAdministrator() {
        return handles.call(h -> h.createQuery("SELECT 1 FROM users WHERE administrator = TRUE FETCH FIRST 1 ROWS ONLY")
                .mapTo(Integer.class).findOne().isPresent());
    }

    /**
     * The prefix is matched with LIKE (its wildcards escaped); the lower bound lets both databases start the walk
     * of the name index at the prefix rather than at the first user.
     */
    @Override
    public List<User> search(String userNamePrefix, String afterUserName, int limit) {
        Keyset page = new Keyset("user_name_lc", Names.lowerCase(afterUserName), limit);
        if (page.isEmpty()) {
            return List.of();
        }
        String prefix = Names.lowerCase(userNamePrefix == null ? "" : userNamePrefix);
        return handles.call(h -> page.bind(h.createQuery("SELECT " + COLUMNS + """
                         FROM users
                        WHERE user_name_lc >= :prefix AND user_name_lc LIKE :pattern ESCAPE '\\'
                          AND\s""" + page.condition() + page.orderAndLimit()))
                .bind("prefix", prefix)
                .bind("pattern", Names.likePrefix(prefix))
                .map(JdbiUserRepository::map)
                .list());
    }

    @Override
    public List<User> membersOf(String groupId, String afterUserName, int limit) {
        Keyset page = new Keyset("user_name_lc", Names.lowerCase(afterUserName), limit);
        if (page.isEmpty()) {
            return List.of();
        }
        return handles.call(h -> page.bind(h.createQuery("SELECT " + COLUMNS + """
                         FROM users
                        WHERE user_id IN (SELECT user_id FROM group_memberships WHERE group_id = :groupId)
                          AND\s""" + page.condition() + page.orderAndLimit()))
                .bind("groupId", groupId)
                .map(JdbiUserRepository::map)
                .list());
    }

    private static User map(ResultSet row, StatementContext context) throws SQLException {
        return new User(row.getString("user_id"), row.getString("user_name"), row.getString("display_name"),
                row.getString("given_name"), row.getString("family_name"), row.getString("email"),
                UserStatus.valueOf(row.getString("status")), row.getBoolean("administrator"),
                row.getString("password_hash"), EpochNanos.read(row, "created_at"), EpochNanos.read(row, "updated_at"));
    }
}
