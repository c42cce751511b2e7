package dev.gatehouse.store.cache;

import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.identitysource.SamlSpKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The one identity source setting, which every page reads for its sign-in flow and CSP; the rest reads through. */
final class CachingIdentitySourceRepository implements IdentitySourceRepository {

    private static final String THE_SOURCE = "source";

    private final IdentitySourceRepository delegate;
    private final Invalidations invalidations;

    CachingIdentitySourceRepository(IdentitySourceRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    @Override
    public Optional<IdentitySource> find() {
        // Held as an Optional, so "none configured" (the built-in directory) is cached too.
        return invalidations.read(CacheName.IDENTITY_SOURCE, THE_SOURCE, delegate::find);
    }

    @Override
    public void put(IdentitySource source) {
        delegate.put(source);
        invalidations.changed(CacheName.IDENTITY_SOURCE, THE_SOURCE);
    }

    @Override
    public void rememberSubject(String issuer, String subject, String userId, Instant at) {
        delegate.rememberSubject(issuer, subject, userId, at);
    }

    @Override
    public Optional<String> userOfSubject(String issuer, String subject) {
        return delegate.userOfSubject(issuer, subject);
    }

    @Override
    public Optional<SamlSpKey> samlSpKey() {
        return delegate.samlSpKey();
    }

    @Override
    public SamlSpKey insertSamlSpKeyIfAbsent(SamlSpKey key) {
        return delegate.insertSamlSpKeyIfAbsent(key);
    }

    @Override
    public void insertSamlRequest(String requestId, Instant expiresAt) {
        delegate.insertSamlRequest(requestId, expiresAt);
    }

    @Override
    public boolean takeSamlRequest(String requestId, Instant now) {
        return delegate.takeSamlRequest(requestId, now);
    }

    @Override
    public boolean rememberAssertion(String issuer, String assertionId, Instant expiresAt) {
        return delegate.rememberAssertion(issuer, assertionId, expiresAt);
    }

    @Override
    public Map<String, String> directoryLinks(String kind) {
        return delegate.directoryLinks(kind);
    }

    @Override
    public void linkDirectoryEntry(String kind, String directoryId, String gatehouseId) {
        delegate.linkDirectoryEntry(kind, directoryId, gatehouseId);
    }

    @Override
    public void unlinkDirectoryEntry(String kind, String directoryId) {
        delegate.unlinkDirectoryEntry(kind, directoryId);
    }

    @Override
    public boolean takeLease(String name, String holder, Instant now, Instant until) {
        return delegate.takeLease(name, holder, now, until);
    }

    @Override
    public void releaseLease(String name, String holder) {
        delegate.releaseLease(name, holder);
    }
}
