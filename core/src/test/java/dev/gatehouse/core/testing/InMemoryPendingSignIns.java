package dev.gatehouse.core.testing;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.signin.PendingSignIn;
import dev.gatehouse.core.signin.PendingSignInRepository;
import java.time.Instant;
import java.util.Optional;

/** Sign-ins waiting for their second factor, by the hash of their cookie; they go with their user. */
final class InMemoryPendingSignIns implements PendingSignInRepository {

    /** The name {@link InMemoryStore#reads} counts {@link #find} under. */
    static final String FIND = "PendingSignInRepository.find";

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryPendingSignIns(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(PendingSignIn pending) {
        statements.run(() -> {
            if (tables.pendingSignIns.contains(pending.secretHash())) {
                throw DomainException.exists("PendingSignIn", "(secret)");
            }
            tables.requireUser(pending.userId());
            tables.pendingSignIns.put(pending.secretHash(), pending);
        });
    }

    @Override
    public Optional<PendingSignIn> find(String secretHash) {
        return statements.read(FIND, () -> tables.pendingSignIns.get(secretHash));
    }

    @Override
    public boolean delete(String secretHash) {
        return statements.write(() -> tables.pendingSignIns.remove(secretHash));
    }

    @Override
    public int deleteExpired(Instant now) {
        return statements.write(() -> tables.pendingSignIns.removeIf(p -> p.expiresAt().isBefore(now)));
    }
}
