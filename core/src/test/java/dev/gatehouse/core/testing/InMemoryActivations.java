package dev.gatehouse.core.testing;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.password.ActivationLink;
import dev.gatehouse.core.password.ActivationRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Activation and password-reset links by the hash of their token; they go with their user. */
final class InMemoryActivations implements ActivationRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryActivations(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(ActivationLink link) {
        statements.run(() -> {
            if (tables.activationLinks.contains(link.tokenHash())) {
                throw DomainException.exists("ActivationLink", "(token)");
            }
            tables.requireUser(link.userId());
            tables.activationLinks.put(link.tokenHash(), link);
        });
    }

    @Override
    public Optional<ActivationLink> findByTokenHash(String tokenHash) {
        return statements.read("ActivationRepository.findByTokenHash", () -> tables.activationLinks.get(tokenHash));
    }

    @Override
    public boolean markUsed(String tokenHash, Instant at) {
        return statements.write(() -> tables.activationLinks.get(tokenHash)
                .filter(l -> l.usedAt() == null)
                .map(l -> {
                    tables.activationLinks.put(tokenHash, used(l, at));
                    return true;
                })
                .orElse(false));
    }

    @Override
    public int markAllUsedOf(String userId, Instant at) {
        return statements.write(() -> {
            List<ActivationLink> unused = tables.activationLinks.rows()
                    .filter(l -> l.userId().equals(userId) && l.usedAt() == null).toList();
            unused.forEach(l -> tables.activationLinks.put(l.tokenHash(), used(l, at)));
            return unused.size();
        });
    }

    private static ActivationLink used(ActivationLink link, Instant at) {
        return new ActivationLink(link.tokenHash(), link.userId(), link.createdAt(), link.expiresAt(), at);
    }
}
