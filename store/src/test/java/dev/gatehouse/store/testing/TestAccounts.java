package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.access.Account;

public final class TestAccounts {

    private TestAccounts() {
    }

    /** An account with a random 12-digit id. */
    public static Account account(String name) {
        return account(TestIds.digits(12), name);
    }

    public static Account account(String accountId, String name) {
        return new Account(accountId, name, name + "@accounts.example.com", NOW);
    }
}
