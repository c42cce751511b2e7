package dev.gatehouse.core.port;

import dev.gatehouse.core.model.ClientRegistration;
import java.util.Optional;

public interface ClientRepository {

    void insert(ClientRegistration client);

    Optional<ClientRegistration> findById(String clientId);
}
