package dev.gatehouse.store.cache;

import dev.gatehouse.core.oidc.ClientRegistration;
import dev.gatehouse.core.oidc.ClientRepository;
import java.util.Optional;

/** Client registrations, read and parsed on every token request; a registration never changes once stored. */
final class CachingClientRepository implements ClientRepository {

    private final ClientRepository delegate;
    private final Invalidations invalidations;

    CachingClientRepository(ClientRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    @Override
    public void insert(ClientRegistration client) {
        delegate.insert(client);
        invalidations.inserted(CacheName.CLIENTS, client.clientId());
    }

    @Override
    public Optional<ClientRegistration> findById(String clientId) {
        return Optional.ofNullable(invalidations.read(CacheName.CLIENTS, clientId,
                () -> delegate.findById(clientId).orElse(null)));
    }
}
