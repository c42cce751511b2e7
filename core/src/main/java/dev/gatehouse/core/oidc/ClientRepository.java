package dev.gatehouse.core.oidc;

import java.util.Optional;

public interface ClientRepository {

    void insert(ClientRegistration client);

    Optional<ClientRegistration> findById(String clientId);
}
