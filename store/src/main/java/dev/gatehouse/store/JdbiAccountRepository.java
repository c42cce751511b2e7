package dev.gatehouse.store;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountRepository;
import dev.gatehouse.core.error.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiAccountRepository implements AccountRepository {

    static final String COLUMNS = "account_id, name, email, created_at";

    private final Handles handles;

    JdbiAccountRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(Account account) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO accounts (account_id, name, email, created_at)
                        VALUES (:accountId, :name, :email, :createdAt)""")
                        .bind("accountId", account.accountId())
                        .bind("name", account.name())
                        .bind("email", account.email())
                        .bind("createdAt", EpochNanos.of(account.createdAt()))
                        .execute(),
                violation -> DomainException.exists("Account",
                        violation.of("uq_accounts_name") ? account.name() : account.accountId())));
    }

    /** Assignments go with it by foreign key. */
    @Override
    public void delete(String accountId) {
        handles.call(h -> h.createUpdate("DELETE FROM accounts WHERE account_id = :accountId")
                .bind("accountId", accountId)
                .execute());
    }

    @Override
    public Optional<Account> findById(String accountId) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE account_id = :accountId")
                .bind("accountId", accountId)
                .map(JdbiAccountRepository::map)
                .findOne());
    }

    @Override
    public Optional<Account> findByName(String name) {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE name = :name")
                .bind("name", name)
                .map(JdbiAccountRepository::map)
                .findOne());
    }

    @Override
    public Optional<Account> firstCreated() {
        return handles.call(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM accounts ORDER BY created_at, account_id FETCH FIRST 1 ROWS ONLY")
                .map(JdbiAccountRepository::map)
                .findOne());
    }

    @Override
    public List<Account> list(String afterAccountId, int limit) {
        Keyset page = new Keyset("account_id", afterAccountId, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        return handles.call(h -> page.bind(h.createQuery(
                        "SELECT " + COLUMNS + " FROM accounts WHERE " + page.condition() + page.orderAndLimit()))
                .map(JdbiAccountRepository::map)
                .list());
    }

    static Account map(ResultSet row, StatementContext context) throws SQLException {
        return new Account(row.getString("account_id"), row.getString("name"), row.getString("email"),
                EpochNanos.read(row, "created_at"));
    }
}
