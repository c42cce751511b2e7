package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountRepository;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.testing.TestAccounts;
import dev.gatehouse.store.testing.TestAssignments;
import dev.gatehouse.store.testing.TestPermissionSets;
import dev.gatehouse.store.testing.TestUsers;
import org.junit.jupiter.api.Test;

public interface AccountRepositoryContract extends StoreContract {

    private AccountRepository accounts() {
        return store().accounts();
    }

    @Test
    default void insertedAccountReadsBackWithEveryField() {
        Account account = new Account("111122223333", "Development", "aws-dev@example.com", NOW);
        accounts().insert(account);

        assertThat(accounts().findById("111122223333")).contains(account);
        assertThat(accounts().findByName("Development")).contains(account);
        assertThat(accounts().findById("999999999999")).isEmpty();
        assertThat(accounts().findByName("Production")).isEmpty();
    }

    @Test
    default void insertWhenAccountIdIsTakenThenAlreadyExists() {
        accounts().insert(TestAccounts.account("111122223333", "Development"));

        var error = alreadyExists(() -> accounts().insert(TestAccounts.account("111122223333", "Production")));

        assertThat(error.kind()).isEqualTo("Account");
        assertThat(error.name()).isEqualTo("111122223333");
    }

    @Test
    default void insertWhenAccountNameIsTakenThenAlreadyExists() {
        accounts().insert(TestAccounts.account("111122223333", "Development"));

        var error = alreadyExists(() -> accounts().insert(TestAccounts.account("444455556666", "Development")));

        assertThat(error.kind()).isEqualTo("Account");
        assertThat(error.name()).isEqualTo("Development");
    }

    @Test
    default void listPagesThroughAccountsOrderedById() {
        for (String id : new String[] {"333333333333", "111111111111", "444444444444", "222222222222"}) {
            accounts().insert(TestAccounts.account(id, "account " + id));
        }

        assertThat(accounts().list(null, 3)).extracting(Account::accountId)
                .containsExactly("111111111111", "222222222222", "333333333333");
        assertThat(accounts().list("333333333333", 3)).extracting(Account::accountId).containsExactly("444444444444");
        assertThat(accounts().list("444444444444", 3)).isEmpty();
        assertThat(accounts().list(null, 0)).isEmpty();
    }

    @Test
    default void deleteRemovesTheAccountWithItsAssignments() {
        Account dev = TestAccounts.account("111111111111", "dev");
        Account prod = TestAccounts.account("222222222222", "prod");
        PermissionSet powerUser = TestPermissionSets.permissionSet("PowerUserAccess");
        User ed = TestUsers.user("ed.developer");
        accounts().insert(dev);
        accounts().insert(prod);
        store().permissionSets().insert(powerUser);
        store().users().insert(ed);
        store().assignments().insert(TestAssignments.assignment(dev, powerUser, ed));
        store().assignments().insert(TestAssignments.assignment(prod, powerUser, ed));

        accounts().delete(dev.accountId());

        assertThat(accounts().findById(dev.accountId())).isEmpty();
        assertThat(store().assignments().listForAccount(dev.accountId())).isEmpty();
        assertThat(store().assignments().accountsOfUser(ed.userId(), null, 10)).containsExactly(prod);
        assertThat(store().permissionSets().findByArn(powerUser.permissionSetArn())).contains(powerUser);
    }

    @Test
    default void firstCreatedIsTheOldestAccountStillThere() {
        assertThat(accounts().firstCreated()).isEmpty();
        accounts().insert(new Account("900000000000", "Later", "later@example.com", NOW.plusSeconds(60)));
        accounts().insert(new Account("100000000000", "First", "first@example.com", NOW));

        assertThat(accounts().firstCreated()).map(Account::name).contains("First");

        accounts().delete("100000000000");
        assertThat(accounts().firstCreated()).map(Account::name).contains("Later");
    }
}
