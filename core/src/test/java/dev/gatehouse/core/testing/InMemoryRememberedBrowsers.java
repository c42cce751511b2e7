package dev.gatehouse.core.testing;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.signin.RememberedBrowser;
import dev.gatehouse.core.signin.RememberedBrowserRepository;
import java.time.Instant;
import java.util.Optional;

/** Browsers context-aware MFA remembers, by the hash of their cookie; they go with their user. */
final class InMemoryRememberedBrowsers implements RememberedBrowserRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryRememberedBrowsers(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(RememberedBrowser browser) {
        statements.run(() -> {
            if (tables.rememberedBrowsers.contains(browser.secretHash())) {
                throw DomainException.exists("RememberedBrowser", "(secret)");
            }
            tables.requireUser(browser.userId());
            tables.rememberedBrowsers.put(browser.secretHash(), browser);
        });
    }

    @Override
    public Optional<RememberedBrowser> find(String secretHash) {
        return statements.read("RememberedBrowserRepository.find", () -> tables.rememberedBrowsers.get(secretHash));
    }

    @Override
    public int deleteExpired(Instant now) {
        return statements.write(() -> tables.rememberedBrowsers.removeIf(b -> b.expiresAt().isBefore(now)));
    }
}
