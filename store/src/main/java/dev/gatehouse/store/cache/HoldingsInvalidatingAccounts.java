package dev.gatehouse.store.cache;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountRepository;
import java.util.List;
import java.util.Optional;

/** Accounts read through; deleting one takes its assignments, so the holdings are cleared. */
final class HoldingsInvalidatingAccounts implements AccountRepository {

    private final AccountRepository delegate;
    private final Invalidations invalidations;

    HoldingsInvalidatingAccounts(AccountRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    @Override
    public void insert(Account account) {
        delegate.insert(account);
    }

    @Override
    public void delete(String accountId) {
        delegate.delete(accountId);
        invalidations.changedAll(CacheName.HOLDINGS);
    }

    @Override
    public Optional<Account> findById(String accountId) {
        return delegate.findById(accountId);
    }

    @Override
    public Optional<Account> findByName(String name) {
        return delegate.findByName(name);
    }

    @Override
    public List<Account> list(String afterAccountId, int limit) {
        return delegate.list(afterAccountId, limit);
    }

    @Override
    public Optional<Account> firstCreated() {
        return delegate.firstCreated();
    }
}
