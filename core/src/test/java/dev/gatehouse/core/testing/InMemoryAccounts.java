package dev.gatehouse.core.testing;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountRepository;
import dev.gatehouse.core.error.DomainException;
import java.util.List;
import java.util.Optional;

/** Accounts, unique by id and by name (exactly, not ignoring case, as in the schema). */
final class InMemoryAccounts implements AccountRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryAccounts(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(Account account) {
        statements.run(() -> {
            if (tables.accounts.contains(account.accountId())) {
                throw DomainException.exists("Account", account.accountId());
            }
            if (tables.accounts.rows().anyMatch(a -> a.name().equals(account.name()))) {
                throw DomainException.exists("Account", account.name());
            }
            tables.accounts.put(account.accountId(), account);
        });
    }

    /** Assignments go with it, as by the schema's foreign key. */
    @Override
    public void delete(String accountId) {
        statements.run(() -> {
            if (tables.accounts.remove(accountId)) {
                tables.assignments.removeIf(a -> a.accountId().equals(accountId));
            }
        });
    }

    @Override
    public Optional<Account> findById(String accountId) {
        return statements.read("AccountRepository.findById", () -> tables.accounts.get(accountId));
    }

    @Override
    public Optional<Account> findByName(String name) {
        return statements.read("AccountRepository.findByName", () -> tables.accounts.rows()
                .filter(a -> a.name().equals(name))
                .findFirst());
    }

    @Override
    public Optional<Account> firstCreated() {
        return statements.read("AccountRepository.firstCreated", () -> tables.accounts.rows()
                .min(java.util.Comparator.comparing(Account::createdAt).thenComparing(Account::accountId)));
    }

    @Override
    public List<Account> list(String afterAccountId, int limit) {
        return statements.read("AccountRepository.list", () -> Keysets.page(tables.accounts.rows(),
                Account::accountId, afterAccountId, limit));
    }
}
