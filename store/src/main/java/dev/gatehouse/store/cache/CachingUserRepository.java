package dev.gatehouse.store.cache;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import java.util.List;
import java.util.Optional;

/** Users by id (every authenticated call re-checks that its user is still enabled); the rest reads through. */
final class CachingUserRepository implements UserRepository {

    private final UserRepository delegate;
    private final Invalidations invalidations;

    CachingUserRepository(UserRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    @Override
    public void insert(User user) {
        delegate.insert(user);
        invalidations.inserted(CacheName.USERS, user.userId());
    }

    @Override
    public void update(User user) {
        delegate.update(user);
        invalidations.changed(CacheName.USERS, user.userId());
    }

    @Override
    public void delete(String userId) {
        delegate.delete(userId);
        invalidations.changed(CacheName.USERS, userId);
        invalidations.changedAll(CacheName.HOLDINGS);   // their assignments went with them
    }

    @Override
    public Optional<User> findById(String userId) {
        return Optional.ofNullable(invalidations.read(CacheName.USERS, userId,
                () -> delegate.findById(userId).orElse(null)));
    }

    @Override
    public Optional<User> findByUserName(String userName) {
        return delegate.findByUserName(userName);
    }

    @Override
    public List<User> withEmail(String email) {
        return delegate.withEmail(email);
    }

    @Override
    public List<User> list(String afterUserName, int limit) {
        return delegate.list(afterUserName, limit);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public boolean anyAdministrator() {
        return delegate.anyAdministrator();
    }

    @Override
    public List<User> search(String userNamePrefix, String afterUserName, int limit) {
        return delegate.search(userNamePrefix, afterUserName, limit);
    }

    @Override
    public List<User> membersOf(String groupId, String afterUserName, int limit) {
        return delegate.membersOf(groupId, afterUserName, limit);
    }
}
