package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.Records.with;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.password.ActivationLink;
import dev.gatehouse.store.testing.TestAccounts;
import dev.gatehouse.store.testing.TestActivationLinks;
import dev.gatehouse.store.testing.TestAssignments;
import dev.gatehouse.store.testing.TestGroups;
import dev.gatehouse.store.testing.TestPermissionSets;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

public interface UserRepositoryContract extends StoreContract {

    private UserRepository users() {
        return store().users();
    }

    @Test
    default void insertedUserReadsBackWithEveryField() {
        User user = new User("user-1", "Ed.Developer", "Ed D.", "Ed", "Developer", "ed@example.com",
                UserStatus.DISABLED, true, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", NOW,
                NOW.plusNanos(1));
        users().insert(user);

        assertThat(users().findById("user-1")).contains(user);
    }

    @Test
    default void insertedUserKeepsOptionalFieldsNull() {
        User user = new User("user-2", "bare", null, null, null, null, UserStatus.ENABLED, false, null, NOW, null);
        users().insert(user);

        assertThat(users().findById("user-2")).contains(user);
    }

    @Test
    default void findByIdOfUnknownUserIsEmpty() {
        assertThat(users().findById("nobody")).isEmpty();
    }

    @Test
    default void findByUserNameIgnoresCase() {
        User ed = TestUsers.user("Ed.Developer");
        users().insert(ed);

        assertThat(users().findByUserName("ed.developer")).contains(ed);
        assertThat(users().findByUserName("ED.DEVELOPER")).contains(ed);
        assertThat(users().findByUserName("ed")).isEmpty();
    }

    @Test
    default void withEmailIgnoresCaseAndFindsEveryUserSharingIt() {
        User ed = with(TestUsers.user("ed.developer"), "email", "Team@Example.com");
        User ann = with(TestUsers.user("ann.admin"), "email", "team@example.com");
        User bob = TestUsers.user("bob.builder");
        users().insert(ed);
        users().insert(ann);
        users().insert(bob);

        assertThat(users().withEmail("TEAM@example.COM")).containsExactly(ann, ed);
        assertThat(users().withEmail("bob.builder@example.com")).containsExactly(bob);
        assertThat(users().withEmail("nobody@example.com")).isEmpty();
    }

    @Test
    default void insertWhenUserNameDiffersOnlyInCaseThenAlreadyExists() {
        users().insert(TestUsers.user("ed.developer"));

        var error = alreadyExists(() -> users().insert(TestUsers.user("Ed.Developer")));

        assertThat(error.kind()).isEqualTo("User");
        assertThat(error.name()).isEqualTo("Ed.Developer");
        assertThat(users().count()).isEqualTo(1);
    }

    @Test
    default void insertWhenUserIdIsTakenThenAlreadyExists() {
        User ed = TestUsers.user("ed.developer");
        users().insert(ed);

        alreadyExists(() -> users().insert(with(TestUsers.user("someone.else"), "userId", ed.userId())));
    }

    @Test
    default void updateOfUserReplacesEveryFieldButIdAndCreationTime() {
        User ed = TestUsers.user("ed.developer");
        users().insert(ed);
        User changed = new User(ed.userId(), "Ed.Dev", "Eddie", "Edward", "Dev", "eddie@example.com",
                UserStatus.DISABLED, true, "hash", ed.createdAt(), NOW.plus(Duration.ofMinutes(5)));

        users().update(changed);

        assertThat(users().findById(ed.userId())).contains(changed);
        assertThat(users().findByUserName("ed.dev")).contains(changed);
        assertThat(users().findByUserName("ed.developer")).isEmpty();
    }

    @Test
    default void updateOntoAnotherUsersNameThenAlreadyExists() {
        User ed = TestUsers.user("ed.developer");
        User ann = TestUsers.user("ann.admin");
        users().insert(ed);
        users().insert(ann);

        alreadyExists(() -> users().update(with(ann, "userName", "ED.developer")));

        assertThat(users().findById(ann.userId())).contains(ann);
    }

    @Test
    default void updateOfUnknownUserThenNotFound() {
        var error = notFound(() -> users().update(TestUsers.user("ghost")));

        assertThat(error.kind()).isEqualTo("User");
    }

    @Test
    default void deleteRemovesTheUserWithMembershipsAssignmentsAndActivationLinks() {
        User ed = TestUsers.user("ed.developer");
        User ann = TestUsers.user("ann.admin");
        Group developers = TestGroups.group("Developers");
        Account dev = TestAccounts.account("dev");
        PermissionSet powerUser = TestPermissionSets.permissionSet("PowerUserAccess");
        ActivationLink link = TestActivationLinks.link(ed);
        users().insert(ed);
        users().insert(ann);
        store().groups().insert(developers);
        store().groups().addMember(TestGroups.membership(developers, ed));
        store().groups().addMember(TestGroups.membership(developers, ann));
        store().accounts().insert(dev);
        store().permissionSets().insert(powerUser);
        store().assignments().insert(TestAssignments.assignment(dev, powerUser, ed));
        store().assignments().insert(TestAssignments.assignment(dev, powerUser, ann));
        store().activations().insert(link);

        users().delete(ed.userId());

        assertThat(users().findById(ed.userId())).isEmpty();
        assertThat(store().groups().groupIdsOf(ed.userId())).isEmpty();
        assertThat(store().groups().membersOf(developers.groupId())).extracting("userId").containsExactly(ann.userId());
        assertThat(store().assignments().listForAccount(dev.accountId()))
                .containsExactly(TestAssignments.assignment(dev, powerUser, ann));
        assertThat(store().activations().findByTokenHash(link.tokenHash())).isEmpty();
        assertThat(users().findById(ann.userId())).contains(ann);
    }

    @Test
    default void deleteOfUnknownUserDoesNothing() {
        User ed = TestUsers.user("ed.developer");
        users().insert(ed);

        users().delete("nobody");

        assertThat(users().count()).isEqualTo(1);
    }

    @Test
    default void listPagesThroughUsersOrderedByUserNameIgnoringCase() {
        for (String name : new String[] {"carol", "Alice", "eve", "bob", "Dave"}) {
            users().insert(TestUsers.user(name));
        }

        assertThat(users().list(null, 2)).extracting(User::userName).containsExactly("Alice", "bob");
        assertThat(users().list("BOB", 2)).extracting(User::userName).containsExactly("carol", "Dave");
        assertThat(users().list("dave", 2)).extracting(User::userName).containsExactly("eve");
        assertThat(users().list("eve", 2)).isEmpty();
    }

    @Test
    default void listOfUsersStartsAfterANameThatIsNoLongerThere() {
        users().insert(TestUsers.user("alice"));
        users().insert(TestUsers.user("carol"));

        assertThat(users().list("bob", 10)).extracting(User::userName).containsExactly("carol");
    }

    @Test
    default void listOfUsersWithoutRoomIsEmpty() {
        users().insert(TestUsers.user("alice"));

        assertThat(users().list(null, 0)).isEmpty();
    }

    @Test
    default void countCountsEveryUser() {
        assertThat(users().count()).isZero();
        users().insert(TestUsers.user("alice"));
        users().insert(TestUsers.user("bob"));

        assertThat(users().count()).isEqualTo(2);
    }

    @Test
    default void anyAdministratorWhenOnlyPlainUsersThenFalseAndOnceOneIsAnAdministratorThenTrue() {
        assertThat(users().anyAdministrator()).isFalse();
        users().insert(TestUsers.user("alice"));
        assertThat(users().anyAdministrator()).isFalse();

        users().insert(TestUsers.administrator("root"));

        assertThat(users().anyAdministrator()).isTrue();
    }

    @Test
    default void searchFindsUserNamesStartingWithThePrefixIgnoringCase() {
        for (String name : new String[] {"ed.developer", "Ed.Ops", "edwin", "fred.ed", "ann"}) {
            users().insert(TestUsers.user(name));
        }

        assertThat(users().search("ED.", null, 10)).extracting(User::userName)
                .containsExactly("ed.developer", "Ed.Ops");
        assertThat(users().search("ed", null, 10)).extracting(User::userName)
                .containsExactly("ed.developer", "Ed.Ops", "edwin");
        assertThat(users().search("x", null, 10)).isEmpty();
        assertThat(users().search("", null, 10)).hasSize(5);
    }

    @Test
    default void searchPagesThroughMatchesByUserName() {
        for (String name : new String[] {"ed.a", "ed.b", "ed.c", "edb", "zed"}) {
            users().insert(TestUsers.user(name));
        }

        assertThat(users().search("ed.", null, 2)).extracting(User::userName).containsExactly("ed.a", "ed.b");
        assertThat(users().search("ed.", "ed.b", 2)).extracting(User::userName).containsExactly("ed.c");
        assertThat(users().search("ed.", "ed.c", 2)).isEmpty();
        assertThat(users().search("ed.", null, 0)).isEmpty();
    }

    @Test
    default void searchTakesLikeWildcardsLiterally() {
        for (String name : new String[] {"a_b", "axb", "a%c", "abc", "a\\d"}) {
            users().insert(TestUsers.user(name));
        }

        assertThat(users().search("a_", null, 10)).extracting(User::userName).containsExactly("a_b");
        assertThat(users().search("a%", null, 10)).extracting(User::userName).containsExactly("a%c");
        assertThat(users().search("a\\", null, 10)).extracting(User::userName).containsExactly("a\\d");
    }

    @Test
    default void membersOfPagesThroughAGroupsMembersByUserName() {
        Group developers = TestGroups.group("Developers");
        Group operators = TestGroups.group("Operators");
        store().groups().insert(developers);
        store().groups().insert(operators);
        for (String name : new String[] {"carol", "Alice", "bob", "dave"}) {
            User user = TestUsers.user(name);
            users().insert(user);
            store().groups().addMember(TestGroups.membership(name.equals("dave") ? operators : developers, user));
        }

        assertThat(users().membersOf(developers.groupId(), null, 2)).extracting(User::userName)
                .containsExactly("Alice", "bob");
        assertThat(users().membersOf(developers.groupId(), "bob", 2)).extracting(User::userName)
                .containsExactly("carol");
        assertThat(users().membersOf(operators.groupId(), null, 10)).extracting(User::userName).containsExactly("dave");
        assertThat(users().membersOf("no-such-group", null, 10)).isEmpty();
        assertThat(users().membersOf(developers.groupId(), null, 0)).isEmpty();
    }
}
