package dev.gatehouse.store.cache;

import dev.gatehouse.core.authz.ServiceCredential;
import dev.gatehouse.core.authz.ServiceCredentialRepository;
import java.util.List;
import java.util.Optional;

/**
 * Service credentials by access key id, read on every authorization API call. A deletion invalidates the key on every
 * node, so a deleted credential is refused as soon as the other caches refuse a revoked session.
 */
final class CachingServiceCredentialRepository implements ServiceCredentialRepository {

    private final ServiceCredentialRepository delegate;
    private final Invalidations invalidations;

    CachingServiceCredentialRepository(ServiceCredentialRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    @Override
    public void insert(ServiceCredential credential) {
        delegate.insert(credential);
        invalidations.inserted(CacheName.SERVICE_CREDENTIALS, credential.accessKeyId());
    }

    @Override
    public Optional<ServiceCredential> findByAccessKeyId(String accessKeyId) {
        return Optional.ofNullable(invalidations.read(CacheName.SERVICE_CREDENTIALS, accessKeyId,
                () -> delegate.findByAccessKeyId(accessKeyId).orElse(null)));
    }

    @Override
    public List<ServiceCredential> list() {
        return delegate.list();
    }

    @Override
    public boolean delete(String accessKeyId) {
        boolean deleted = delegate.delete(accessKeyId);
        invalidations.changed(CacheName.SERVICE_CREDENTIALS, accessKeyId);
        return deleted;
    }
}
