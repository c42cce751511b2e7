package dev.gatehouse.core.testing;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.AuthorizationCode;
import dev.gatehouse.core.oidc.AuthorizationCodeRepository;
import java.time.Instant;
import java.util.Optional;

/** Authorization codes by the hash of the code; marked used once. */
final class InMemoryAuthorizationCodes implements AuthorizationCodeRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryAuthorizationCodes(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(AuthorizationCode code) {
        statements.run(() -> {
            if (tables.authorizationCodes.contains(code.codeHash())) {
                throw DomainException.exists("AuthorizationCode", "(code)");
            }
            tables.authorizationCodes.put(code.codeHash(), code);
        });
    }

    @Override
    public Optional<AuthorizationCode> findByCodeHash(String codeHash) {
        return statements.read("AuthorizationCodeRepository.findByCodeHash",
                () -> tables.authorizationCodes.get(codeHash));
    }

    @Override
    public boolean markUsed(String codeHash, String sessionId, Instant at) {
        return statements.write(() -> tables.authorizationCodes.get(codeHash)
                .filter(c -> c.usedAt() == null)
                .map(c -> {
                    tables.authorizationCodes.put(codeHash, new AuthorizationCode(c.codeHash(), c.clientId(),
                            c.userId(), c.redirectUri(), c.codeChallenge(), c.scopes(), c.createdAt(), c.expiresAt(),
                            at, sessionId));
                    return true;
                })
                .orElse(false));
    }
}
