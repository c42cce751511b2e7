package dev.gatehouse.core.testing;

import static dev.gatehouse.core.testing.Keysets.lowerCase;

import dev.gatehouse.core.authz.ServiceCredential;
import dev.gatehouse.core.authz.ServiceCredentialRepository;
import dev.gatehouse.core.error.DomainException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Credentials of services calling the authorization API, by access key id, names unique ignoring case. */
final class InMemoryServiceCredentials implements ServiceCredentialRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryServiceCredentials(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(ServiceCredential credential) {
        statements.run(() -> {
            boolean nameTaken = tables.serviceCredentials.rows()
                    .anyMatch(c -> lowerCase(c.name()).equals(lowerCase(credential.name())));
            if (nameTaken || tables.serviceCredentials.contains(credential.accessKeyId())) {
                throw DomainException.exists("Service credential", credential.name());
            }
            tables.serviceCredentials.put(credential.accessKeyId(), credential);
        });
    }

    @Override
    public Optional<ServiceCredential> findByAccessKeyId(String accessKeyId) {
        return statements.read("ServiceCredentialRepository.findByAccessKeyId",
                () -> tables.serviceCredentials.get(accessKeyId));
    }

    @Override
    public List<ServiceCredential> list() {
        return statements.read("ServiceCredentialRepository.list", () -> tables.serviceCredentials.rows()
                .sorted(Comparator.comparing(c -> lowerCase(c.name())))
                .toList());
    }

    @Override
    public boolean delete(String accessKeyId) {
        return statements.write(() -> tables.serviceCredentials.remove(accessKeyId));
    }
}
