package dev.gatehouse.core.access;

import java.util.List;
import java.util.Optional;

public interface AccountRepository {

    /** A duplicate id or name fails with DomainError.AlreadyExists. */
    void insert(Account account);

    /** Deletes the account with its assignments. */
    void delete(String accountId);

    Optional<Account> findById(String accountId);

    Optional<Account> findByName(String name);

    /** The account created before all others still there (the default management account). */
    Optional<Account> firstCreated();

    /** Ordered by id, after {@code afterAccountId} (null: from the start). */
    List<Account> list(String afterAccountId, int limit);
}
