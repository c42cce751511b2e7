package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.TestAssignments.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Store;
import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.AssignmentRepository;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.testing.TestAccounts;
import dev.gatehouse.store.testing.TestGroups;
import dev.gatehouse.store.testing.TestPermissionSets;
import dev.gatehouse.store.testing.TestUsers;
import org.junit.jupiter.api.Test;

public interface AssignmentRepositoryContract extends StoreContract {

    /**
     * Ed holds PowerUserAccess in dev directly, and through Developers ViewOnlyAccess in dev and ReadOnlyAccess in
     * test. Operators, which Ed is not in, hold AdministratorAccess in prod; nobody holds anything in sandbox.
     */
    record Directory(User ed, User ann, Group developers, Group operators, Account dev, Account test, Account prod,
                     Account sandbox, PermissionSet administrator, PermissionSet powerUser, PermissionSet readOnly,
                     PermissionSet viewOnly) {

        static Directory createIn(Store store) {
            Directory d = new Directory(TestUsers.user("ed.developer"), TestUsers.user("ann.operator"),
                    TestGroups.group("Developers"), TestGroups.group("Operators"),
                    TestAccounts.account("111111111111", "dev"), TestAccounts.account("222222222222", "test"),
                    TestAccounts.account("333333333333", "prod"), TestAccounts.account("444444444444", "sandbox"),
                    TestPermissionSets.permissionSet("AdministratorAccess"),
                    TestPermissionSets.permissionSet("PowerUserAccess"),
                    TestPermissionSets.permissionSet("ReadOnlyAccess"), TestPermissionSets.permissionSet("ViewOnlyAccess"));
            store.users().insert(d.ed);
            store.users().insert(d.ann);
            store.groups().insert(d.developers);
            store.groups().insert(d.operators);
            store.groups().addMember(TestGroups.membership(d.developers, d.ed));
            store.groups().addMember(TestGroups.membership(d.operators, d.ann));
            for (Account account : new Account[] {d.prod, d.sandbox, d.dev, d.test}) {
                store.accounts().insert(account);
            }
            for (PermissionSet permissionSet : new PermissionSet[] {d.viewOnly, d.administrator, d.readOnly, d.powerUser}) {
                store.permissionSets().insert(permissionSet);
            }
            store.assignments().insert(assignment(d.dev, d.powerUser, d.ed));
            store.assignments().insert(assignment(d.dev, d.viewOnly, d.developers));
            store.assignments().insert(assignment(d.test, d.readOnly, d.developers));
            store.assignments().insert(assignment(d.prod, d.administrator, d.operators));
            return d;
        }
    }

    private AssignmentRepository assignments() {
        return store().assignments();
    }

    @Test
    default void listForAccountReturnsTheAssignmentsOfEveryPrincipal() {
        Directory d = Directory.createIn(store());
        assignments().insert(assignment(d.dev(), d.readOnly(), d.operators()));

        assertThat(assignments().listForAccount(d.dev().accountId())).containsExactlyInAnyOrder(
                assignment(d.dev(), d.powerUser(), d.ed()),
                assignment(d.dev(), d.viewOnly(), d.developers()),
                assignment(d.dev(), d.readOnly(), d.operators()));
        assertThat(assignments().listForAccount(d.sandbox().accountId())).isEmpty();
    }

    @Test
    default void insertSameAssignmentTwiceThenAlreadyExists() {
        Directory d = Directory.createIn(store());

        var error = alreadyExists(() -> assignments().insert(assignment(d.dev(), d.powerUser(), d.ed())));

        assertThat(error.kind()).isEqualTo("AccountAssignment");
    }

    @Test
    default void sameAccountAndPermissionSetForAnotherPrincipalIsAnotherAssignment() {
        Directory d = Directory.createIn(store());

        assignments().insert(assignment(d.dev(), d.powerUser(), d.ann()));
        assignments().insert(assignment(d.dev(), d.powerUser(), d.developers()));

        assertThat(assignments().listForAccount(d.dev().accountId())).hasSize(4);
    }

    @Test
    default void insertAssignmentToUnknownAccountOrPermissionSetThenNotFound() {
        Directory d = Directory.createIn(store());

        var unknownAccount = notFound(() -> assignments().insert(new AccountAssignment("999999999999",
                d.powerUser().permissionSetArn(), PrincipalType.USER, d.ed().userId())));
        var unknownPermissionSet = notFound(() -> assignments().insert(new AccountAssignment(d.dev().accountId(),
                "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-none", PrincipalType.USER, d.ed().userId())));

        assertThat(unknownAccount.kind()).isEqualTo("Account");
        assertThat(unknownAccount.id()).isEqualTo("999999999999");
        assertThat(unknownPermissionSet.kind()).isEqualTo("PermissionSet");
    }

    @Test
    default void deleteAssignmentSaysWhetherThereWasOne() {
        Directory d = Directory.createIn(store());

        assertThat(assignments().delete(assignment(d.dev(), d.powerUser(), d.ed()))).isTrue();
        assertThat(assignments().delete(assignment(d.dev(), d.powerUser(), d.ed()))).isFalse();
        assertThat(assignments().delete(assignment(d.dev(), d.viewOnly(), d.ed()))).isFalse();
        assertThat(assignments().listForAccount(d.dev().accountId()))
                .containsExactly(assignment(d.dev(), d.viewOnly(), d.developers()));
    }

    @Test
    default void accountsOfUserUniteDirectAndGroupAssignmentsEachAccountOnce() {
        Directory d = Directory.createIn(store());

        assertThat(assignments().accountsOfUser(d.ed().userId(), null, 10)).containsExactly(d.dev(), d.test());
        assertThat(assignments().accountsOfUser(d.ann().userId(), null, 10)).containsExactly(d.prod());
        assertThat(assignments().accountsOfUser("nobody", null, 10)).isEmpty();
    }

    @Test
    default void accountsOfUserPageByAccountId() {
        Directory d = Directory.createIn(store());
        assignments().insert(assignment(d.sandbox(), d.readOnly(), d.developers()));

        assertThat(assignments().accountsOfUser(d.ed().userId(), null, 2)).containsExactly(d.dev(), d.test());
        assertThat(assignments().accountsOfUser(d.ed().userId(), d.test().accountId(), 2)).containsExactly(d.sandbox());
        assertThat(assignments().accountsOfUser(d.ed().userId(), d.sandbox().accountId(), 2)).isEmpty();
        assertThat(assignments().accountsOfUser(d.ed().userId(), null, 0)).isEmpty();
    }

    @Test
    default void accountsWithAPermissionSetAreThoseWhereAnyoneHoldsItEachOncePagedById() {
        Directory d = Directory.createIn(store());
        assignments().insert(assignment(d.test(), d.readOnly(), d.ed()));
        assignments().insert(assignment(d.sandbox(), d.readOnly(), d.operators()));
        String readOnly = d.readOnly().permissionSetArn();

        assertThat(assignments().accountsWithPermissionSet(readOnly, null, 10))
                .containsExactly(d.test().accountId(), d.sandbox().accountId());
        assertThat(assignments().accountsWithPermissionSet(readOnly, null, 1)).containsExactly(d.test().accountId());
        assertThat(assignments().accountsWithPermissionSet(readOnly, d.test().accountId(), 1))
                .containsExactly(d.sandbox().accountId());
        assertThat(assignments().accountsWithPermissionSet(d.administrator().permissionSetArn(), null, 10))
                .containsExactly(d.prod().accountId());
        assertThat(assignments().accountsWithPermissionSet(d.powerUser().permissionSetArn(), d.dev().accountId(), 10))
                .isEmpty();
    }

    @Test
    default void accountsWithAPermissionSetHeldByManyInOneAccountStillComeEachOnce() {
        Directory d = Directory.createIn(store());
        String readOnly = d.readOnly().permissionSetArn();
        for (int i = 0; i < 9; i++) {
            assignments().insert(new AccountAssignment(d.test().accountId(), readOnly, PrincipalType.GROUP,
                    "00000000-0000-4000-8000-00000000000" + i));
        }
        assignments().insert(assignment(d.sandbox(), d.readOnly(), d.ed()));

        assertThat(assignments().accountsWithPermissionSet(readOnly, null, 2))
                .containsExactly(d.test().accountId(), d.sandbox().accountId());
        assertThat(assignments().accountsWithPermissionSet(readOnly, null, 1)).containsExactly(d.test().accountId());
    }

    @Test
    default void accountsOfUserFollowGroupMembership() {
        Directory d = Directory.createIn(store());

        store().groups().removeMember(d.developers().groupId(), d.ed().userId());
        store().groups().addMember(TestGroups.membership(d.operators(), d.ed()));

        assertThat(assignments().accountsOfUser(d.ed().userId(), null, 10)).containsExactly(d.dev(), d.prod());
    }

    @Test
    default void permissionSetsOfUserInOneAccountUniteDirectAndGroupAssignmentsOrderedByName() {
        Directory d = Directory.createIn(store());
        assignments().insert(assignment(d.dev(), d.viewOnly(), d.ed()));

        assertThat(assignments().permissionSetsOfUser(d.ed().userId(), d.dev().accountId(), null, 10))
                .containsExactly(d.powerUser(), d.viewOnly());
        assertThat(assignments().permissionSetsOfUser(d.ed().userId(), d.test().accountId(), null, 10))
                .containsExactly(d.readOnly());
        assertThat(assignments().permissionSetsOfUser(d.ed().userId(), d.prod().accountId(), null, 10)).isEmpty();
    }

    @Test
    default void permissionSetsOfUserPageByName() {
        Directory d = Directory.createIn(store());
        assignments().insert(assignment(d.dev(), d.administrator(), d.developers()));

        String ed = d.ed().userId();
        String dev = d.dev().accountId();
        assertThat(assignments().permissionSetsOfUser(ed, dev, null, 2)).containsExactly(d.administrator(), d.powerUser());
        assertThat(assignments().permissionSetsOfUser(ed, dev, "poweruseraccess", 2)).containsExactly(d.viewOnly());
        assertThat(assignments().permissionSetsOfUser(ed, dev, "ViewOnlyAccess", 2)).isEmpty();
        assertThat(assignments().permissionSetsOfUser(ed, dev, null, 0)).isEmpty();
    }

    @Test
    default void userHoldsWhatIsAssignedToThemOrToTheirGroups() {
        Directory d = Directory.createIn(store());
        String ed = d.ed().userId();

        assertThat(assignments().userHolds(ed, d.dev().accountId(), d.powerUser().permissionSetArn())).isTrue();
        assertThat(assignments().userHolds(ed, d.dev().accountId(), d.viewOnly().permissionSetArn())).isTrue();
        assertThat(assignments().userHolds(ed, d.test().accountId(), d.readOnly().permissionSetArn())).isTrue();
        assertThat(assignments().userHolds(ed, d.test().accountId(), d.powerUser().permissionSetArn())).isFalse();
        assertThat(assignments().userHolds(ed, d.prod().accountId(), d.administrator().permissionSetArn())).isFalse();
        assertThat(assignments().userHolds(d.ann().userId(), d.prod().accountId(), d.administrator().permissionSetArn()))
                .isTrue();
    }

    @Test
    default void userNoLongerHoldsAfterLeavingTheGroupOrLosingTheAssignment() {
        Directory d = Directory.createIn(store());
        String ed = d.ed().userId();

        store().groups().removeMember(d.developers().groupId(), ed);
        assignments().delete(assignment(d.dev(), d.powerUser(), d.ed()));

        assertThat(assignments().userHolds(ed, d.dev().accountId(), d.viewOnly().permissionSetArn())).isFalse();
        assertThat(assignments().userHolds(ed, d.dev().accountId(), d.powerUser().permissionSetArn())).isFalse();
        assertThat(assignments().accountsOfUser(ed, null, 10)).isEmpty();
    }

    @Test
    default void listForPrincipalReturnsOnlyTheDirectAssignmentsOfThatPrincipal() {
        Directory d = Directory.createIn(store());
        assignments().insert(assignment(d.test(), d.viewOnly(), d.ed()));

        assertThat(assignments().listForPrincipal(PrincipalType.USER, d.ed().userId())).containsExactly(
                assignment(d.dev(), d.powerUser(), d.ed()), assignment(d.test(), d.viewOnly(), d.ed()));
        assertThat(assignments().listForPrincipal(PrincipalType.GROUP, d.developers().groupId())).containsExactly(
                assignment(d.dev(), d.viewOnly(), d.developers()), assignment(d.test(), d.readOnly(), d.developers()));
        assertThat(assignments().listForPrincipal(PrincipalType.GROUP, d.ed().userId())).isEmpty();
        assertThat(assignments().listForPrincipal(PrincipalType.USER, d.ann().userId())).isEmpty();
    }
}
