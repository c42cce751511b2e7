package dev.gatehouse.store.cache;

import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PermissionSetRepository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Permission sets by ARN and by name (case-insensitive, as the repository looks them up). A change clears the whole
 * cache, since a rename moves the name key; a deletion also clears the holdings, which lost its assignments.
 */
final class CachingPermissionSetRepository implements PermissionSetRepository {

    private final PermissionSetRepository delegate;
    private final Invalidations invalidations;

    CachingPermissionSetRepository(PermissionSetRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    @Override
    public void insert(PermissionSet permissionSet) {
        delegate.insert(permissionSet);
        invalidations.inserted(CacheName.PERMISSION_SETS, "arn:" + permissionSet.permissionSetArn());
        invalidations.inserted(CacheName.PERMISSION_SETS, "name:" + permissionSet.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void update(PermissionSet permissionSet) {
        delegate.update(permissionSet);
        invalidations.changedAll(CacheName.PERMISSION_SETS);
    }

    @Override
    public void delete(String permissionSetArn) {
        delegate.delete(permissionSetArn);
        invalidations.changedAll(CacheName.PERMISSION_SETS);
        invalidations.changedAll(CacheName.HOLDINGS);
    }

    @Override
    public Optional<PermissionSet> findByArn(String permissionSetArn) {
        return Optional.ofNullable(invalidations.read(CacheName.PERMISSION_SETS, "arn:" + permissionSetArn,
                () -> delegate.findByArn(permissionSetArn).orElse(null)));
    }

    @Override
    public Optional<PermissionSet> findByName(String name) {
        return Optional.ofNullable(invalidations.read(CacheName.PERMISSION_SETS,
                "name:" + name.toLowerCase(Locale.ROOT), () -> delegate.findByName(name).orElse(null)));
    }

    @Override
    public List<PermissionSet> list(String afterName, int limit) {
        return delegate.list(afterName, limit);
    }
}
