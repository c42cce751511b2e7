package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.Membership;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.testing.TestAccounts;
import dev.gatehouse.store.testing.TestAssignments;
import dev.gatehouse.store.testing.TestGroups;
import dev.gatehouse.store.testing.TestPermissionSets;
import dev.gatehouse.store.testing.TestUsers;
import org.junit.jupiter.api.Test;

public interface GroupRepositoryContract extends StoreContract {

    private GroupRepository groups() {
        return store().groups();
    }

    @Test
    default void insertedGroupReadsBackWithEveryField() {
        Group group = new Group("group-1", "Developers", "Everyone who ships code", NOW);
        groups().insert(group);

        assertThat(groups().findById("group-1")).contains(group);
        assertThat(groups().findById("group-2")).isEmpty();
    }

    @Test
    default void insertedGroupKeepsANullDescription() {
        Group group = new Group("group-1", "Developers", null, NOW);
        groups().insert(group);

        assertThat(groups().findById("group-1")).contains(group);
    }

    @Test
    default void findByDisplayNameIgnoresCase() {
        Group developers = TestGroups.group("Developers");
        groups().insert(developers);

        assertThat(groups().findByDisplayName("developers")).contains(developers);
        assertThat(groups().findByDisplayName("Developer")).isEmpty();
    }

    @Test
    default void insertWhenDisplayNameDiffersOnlyInCaseThenAlreadyExists() {
        groups().insert(TestGroups.group("Developers"));

        var error = alreadyExists(() -> groups().insert(TestGroups.group("DEVELOPERS")));

        assertThat(error.kind()).isEqualTo("Group");
        assertThat(error.name()).isEqualTo("DEVELOPERS");
    }

    @Test
    default void listPagesThroughGroupsOrderedByDisplayNameIgnoringCase() {
        for (String name : new String[] {"Operators", "admins", "Developers", "testers"}) {
            groups().insert(TestGroups.group(name));
        }

        assertThat(groups().list(null, 3)).extracting(Group::displayName)
                .containsExactly("admins", "Developers", "Operators");
        assertThat(groups().list("OPERATORS", 3)).extracting(Group::displayName).containsExactly("testers");
        assertThat(groups().list("testers", 3)).isEmpty();
        assertThat(groups().list(null, 0)).isEmpty();
    }

    @Test
    default void membershipsAreFoundFromTheGroupAndFromTheUser() {
        User ed = TestUsers.user("ed.developer");
        User ann = TestUsers.user("ann.admin");
        Group developers = TestGroups.group("Developers");
        Group admins = TestGroups.group("Admins");
        store().users().insert(ed);
        store().users().insert(ann);
        groups().insert(developers);
        groups().insert(admins);
        Membership edInDevelopers = TestGroups.membership(developers, ed);
        Membership annInDevelopers = TestGroups.membership(developers, ann);
        Membership annInAdmins = TestGroups.membership(admins, ann);
        groups().addMember(edInDevelopers);
        groups().addMember(annInDevelopers);
        groups().addMember(annInAdmins);

        assertThat(groups().membersOf(developers.groupId())).containsExactlyInAnyOrder(edInDevelopers, annInDevelopers);
        assertThat(groups().membersOf(admins.groupId())).containsExactly(annInAdmins);
        assertThat(groups().groupIdsOf(ann.userId())).containsExactlyInAnyOrder(developers.groupId(), admins.groupId());
        assertThat(groups().groupIdsOf(ed.userId())).containsExactly(developers.groupId());
        assertThat(groups().groupIdsOf("nobody")).isEmpty();
        assertThat(groups().membershipsOf(ann.userId())).containsExactlyInAnyOrder(annInDevelopers, annInAdmins);
        assertThat(groups().findMembership(edInDevelopers.membershipId())).contains(edInDevelopers);
        assertThat(groups().findMembership("no-such-membership")).isEmpty();
    }

    @Test
    default void addMemberTwiceThenAlreadyExists() {
        User ed = TestUsers.user("ed.developer");
        Group developers = TestGroups.group("Developers");
        store().users().insert(ed);
        groups().insert(developers);
        groups().addMember(TestGroups.membership(developers, ed));

        var error = alreadyExists(() -> groups().addMember(TestGroups.membership(developers, ed)));

        assertThat(error.kind()).isEqualTo("GroupMembership");
        assertThat(groups().membersOf(developers.groupId())).hasSize(1);
    }

    @Test
    default void addMemberOfUnknownUserOrGroupThenNotFound() {
        User ed = TestUsers.user("ed.developer");
        Group developers = TestGroups.group("Developers");
        store().users().insert(ed);
        groups().insert(developers);

        var unknownUser = notFound(() -> groups().addMember(new Membership("m-1", developers.groupId(), "nobody")));
        var unknownGroup = notFound(() -> groups().addMember(new Membership("m-2", "no-group", ed.userId())));

        assertThat(unknownUser.kind()).isEqualTo("User");
        assertThat(unknownUser.id()).isEqualTo("nobody");
        assertThat(unknownGroup.kind()).isEqualTo("Group");
        assertThat(unknownGroup.id()).isEqualTo("no-group");
    }

    @Test
    default void removeMemberSaysWhetherThereWasOne() {
        User ed = TestUsers.user("ed.developer");
        Group developers = TestGroups.group("Developers");
        store().users().insert(ed);
        groups().insert(developers);
        groups().addMember(TestGroups.membership(developers, ed));

        assertThat(groups().removeMember(developers.groupId(), ed.userId())).isTrue();
        assertThat(groups().removeMember(developers.groupId(), ed.userId())).isFalse();
        assertThat(groups().membersOf(developers.groupId())).isEmpty();
        assertThat(store().users().findById(ed.userId())).contains(ed);
    }

    @Test
    default void deleteRemovesTheGroupWithMembershipsAndAssignmentsButNotTheMembers() {
        User ed = TestUsers.user("ed.developer");
        Group developers = TestGroups.group("Developers");
        Group admins = TestGroups.group("Admins");
        Account dev = TestAccounts.account("dev");
        PermissionSet powerUser = TestPermissionSets.permissionSet("PowerUserAccess");
        store().users().insert(ed);
        groups().insert(developers);
        groups().insert(admins);
        groups().addMember(TestGroups.membership(developers, ed));
        groups().addMember(TestGroups.membership(admins, ed));
        store().accounts().insert(dev);
        store().permissionSets().insert(powerUser);
        store().assignments().insert(TestAssignments.assignment(dev, powerUser, developers));
        store().assignments().insert(TestAssignments.assignment(dev, powerUser, admins));

        groups().delete(developers.groupId());

        assertThat(groups().findById(developers.groupId())).isEmpty();
        assertThat(groups().membersOf(developers.groupId())).isEmpty();
        assertThat(groups().groupIdsOf(ed.userId())).containsExactly(admins.groupId());
        assertThat(store().assignments().listForAccount(dev.accountId()))
                .containsExactly(TestAssignments.assignment(dev, powerUser, admins));
        assertThat(store().users().findById(ed.userId())).contains(ed);
    }

    @Test
    default void groupsOfAUserAreTheGroupsTheyBelongToByDisplayName() {
        User ed = TestUsers.user("ed.developer");
        User ann = TestUsers.user("ann.admin");
        store().users().insert(ed);
        store().users().insert(ann);
        Group operators = TestGroups.group("operators");
        Group developers = TestGroups.group("Developers");
        Group admins = TestGroups.group("Admins");
        for (Group group : new Group[] {operators, developers, admins}) {
            groups().insert(group);
        }
        groups().addMember(TestGroups.membership(operators, ed));
        groups().addMember(TestGroups.membership(developers, ed));
        groups().addMember(TestGroups.membership(admins, ann));

        assertThat(groups().groupsOf(ed.userId())).containsExactly(developers, operators);
        assertThat(groups().groupsOf(ann.userId())).containsExactly(admins);
        assertThat(groups().groupsOf("nobody")).isEmpty();
    }
}
