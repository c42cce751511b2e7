package dev.gatehouse.core.testing;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.ClientRegistration;
import dev.gatehouse.core.oidc.ClientRepository;
import java.util.Optional;

/** OIDC client registrations by client id. */
final class InMemoryClients implements ClientRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryClients(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(ClientRegistration client) {
        statements.run(() -> {
            if (tables.clients.contains(client.clientId())) {
                throw DomainException.exists("ClientRegistration", client.clientId());
            }
            tables.clients.put(client.clientId(), client);
        });
    }

    @Override
    public Optional<ClientRegistration> findById(String clientId) {
        return statements.read("ClientRepository.findById", () -> tables.clients.get(clientId));
    }
}
