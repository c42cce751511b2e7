package dev.gatehouse.core.testing;

import static dev.gatehouse.core.testing.Keysets.lowerCase;

import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Users, unique by id and by lower-cased user name; deleting one cascades as the schema's foreign keys do. */
final class InMemoryUsers implements UserRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryUsers(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(User user) {
        statements.run(() -> {
            if (tables.users.contains(user.userId()) || nameTakenByOther(user)) {
                throw DomainException.exists("User", user.userName());
            }
            tables.users.put(user.userId(), user);
        });
    }

    @Override
    public void update(User user) {
        statements.run(() -> {
            if (!tables.users.contains(user.userId())) {
                throw DomainException.notFound("User", user.userId());
            }
            if (nameTakenByOther(user)) {
                throw DomainException.exists("User", user.userName());
            }
            tables.users.put(user.userId(), user);
        });
    }

    private boolean nameTakenByOther(User user) {
        return tables.users.rows().anyMatch(u -> !u.userId().equals(user.userId())
                && lowerCase(u.userName()).equals(lowerCase(user.userName())));
    }

    /** What ON DELETE CASCADE does in the schema, plus the assignments, which name their principal without a key. */
    @Override
    public void delete(String userId) {
        statements.run(() -> {
            tables.assignments.removeIf(a -> a.principalType() == PrincipalType.USER
                    && a.principalId().equals(userId));
            if (!tables.users.remove(userId)) {
                return;
            }
            tables.memberships.removeIf(m -> m.userId().equals(userId));
            tables.activationLinks.removeIf(l -> l.userId().equals(userId));
            tables.mfaDevices.removeIf(d -> d.userId().equals(userId));
            tables.userHandles.remove(userId);
            tables.challenges.removeIf(c -> c.userId().equals(userId));
            tables.passwordHistory.remove(userId);
            tables.pendingSignIns.removeIf(p -> p.userId().equals(userId));
            tables.rememberedBrowsers.removeIf(b -> b.userId().equals(userId));
            tables.userAttributes.remove(userId);
            tables.contactDetails.remove(userId);
            tables.externalSubjects.removeIf(owner -> owner.equals(userId));
        });
    }

    @Override
    public Optional<User> findById(String userId) {
        return statements.read("UserRepository.findById", () -> tables.users.get(userId));
    }

    @Override
    public Optional<User> findByUserName(String userName) {
        return statements.read("UserRepository.findByUserName", () -> tables.users.rows()
                .filter(u -> lowerCase(u.userName()).equals(lowerCase(userName)))
                .findFirst());
    }

    @Override
    public List<User> withEmail(String email) {
        return statements.read("UserRepository.withEmail", () -> tables.users.rows()
                .filter(u -> u.email() != null && lowerCase(u.email()).equals(lowerCase(email)))
                .sorted(Comparator.comparing(u -> lowerCase(u.userName())))
                .toList());
    }

    @Override
    public List<User> list(String afterUserName, int limit) {
        return statements.read("UserRepository.list", () -> byName(tables.users.rows(), afterUserName, limit));
    }

    @Override
    public long count() {
        return statements.read("UserRepository.count", () -> (long) tables.users.size());
    }

    @Override
    public boolean anyAdministrator() {
        return statements.read("UserRepository.anyAdministrator",
                () -> tables.users.rows().anyMatch(User::administrator));
    }

    /** A plain prefix: none of LIKE's wildcards, which the JDBC store escapes. */
    @Override
    public List<User> search(String userNamePrefix, String afterUserName, int limit) {
        String prefix = lowerCase(userNamePrefix == null ? "" : userNamePrefix);
        return statements.read("UserRepository.search", () -> byName(tables.users.rows()
                .filter(u -> lowerCase(u.userName()).startsWith(prefix)), afterUserName, limit));
    }

    @Override
    public List<User> membersOf(String groupId, String afterUserName, int limit) {
        return statements.read("UserRepository.membersOf", () -> {
            List<String> members = tables.memberships.rows().filter(m -> m.groupId().equals(groupId))
                    .map(m -> m.userId()).toList();
            return byName(tables.users.rows().filter(u -> members.contains(u.userId())), afterUserName, limit);
        });
    }

    private static List<User> byName(Stream<User> users, String afterUserName, int limit) {
        return Keysets.page(users, u -> lowerCase(u.userName()), lowerCase(afterUserName), limit);
    }
}
