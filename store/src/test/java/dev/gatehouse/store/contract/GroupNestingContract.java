package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.TestAssignments.assignment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.GroupNesting;
import dev.gatehouse.core.directory.GroupNestings;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.store.contract.AssignmentRepositoryContract.Directory;
import dev.gatehouse.store.testing.TestGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Groups nested in groups: the rows, and what a user holds through them (Ed is in Developers, see Directory). */
public interface GroupNestingContract extends StoreContract {

    private GroupRepository groups() {
        return store().groups();
    }

    private Group group(String name) {
        Group group = TestGroups.group(name);
        groups().insert(group);
        return group;
    }

    @Test
    default void nestingsAreFoundFromTheParentAndFromTheChild() {
        Group engineering = group("Engineering");
        Group developers = group("Developers");
        Group testers = group("testers");
        groups().addNesting(new GroupNesting(engineering.groupId(), developers.groupId()));
        groups().addNesting(new GroupNesting(engineering.groupId(), testers.groupId()));

        assertThat(groups().nestedGroupsOf(engineering.groupId())).containsExactly(developers, testers);
        assertThat(groups().nestedGroupsOf(developers.groupId())).isEmpty();
        assertThat(groups().nestingsOfChildren(List.of(developers.groupId(), testers.groupId())))
                .containsExactlyInAnyOrder(new GroupNesting(engineering.groupId(), developers.groupId()),
                        new GroupNesting(engineering.groupId(), testers.groupId()));
        assertThat(groups().nestingsOfParents(List.of(engineering.groupId()))).hasSize(2);
        assertThat(groups().nestingsOfParents(List.of())).isEmpty();
    }

    @Test
    default void addNestingTwiceThenAlreadyExistsAndUnknownGroupThenNotFound() {
        Group engineering = group("Engineering");
        Group developers = group("Developers");
        groups().addNesting(new GroupNesting(engineering.groupId(), developers.groupId()));

        var twice = alreadyExists(() -> groups().addNesting(
                new GroupNesting(engineering.groupId(), developers.groupId())));
        var unknown = notFound(() -> groups().addNesting(new GroupNesting(engineering.groupId(), "no-group")));

        assertThat(twice.kind()).isEqualTo("GroupNesting");
        assertThat(unknown.kind()).isEqualTo("Group");
        assertThat(unknown.id()).isEqualTo("no-group");
    }

    @Test
    default void removeNestingSaysWhetherThereWasOneAndDeletingAGroupTakesItsNestings() {
        Group engineering = group("Engineering");
        Group developers = group("Developers");
        Group testers = group("Testers");
        groups().addNesting(new GroupNesting(engineering.groupId(), developers.groupId()));
        groups().addNesting(new GroupNesting(developers.groupId(), testers.groupId()));

        assertThat(groups().removeNesting(engineering.groupId(), developers.groupId())).isTrue();
        assertThat(groups().removeNesting(engineering.groupId(), developers.groupId())).isFalse();
        groups().delete(testers.groupId());

        assertThat(groups().nestedGroupsOf(developers.groupId())).isEmpty();
        assertThat(groups().nestingsOfChildren(List.of(testers.groupId()))).isEmpty();
    }

    @Test
    default void userHoldsWhatIsAssignedToAGroupTheirGroupIsNestedInAtAnyDepth() {
        Directory d = Directory.createIn(store());
        String ed = d.ed().userId();
        Group engineering = group("Engineering");
        Group company = group("Company");
        groups().addNesting(new GroupNesting(engineering.groupId(), d.developers().groupId()));
        groups().addNesting(new GroupNesting(company.groupId(), engineering.groupId()));
        store().assignments().insert(assignment(d.prod(), d.readOnly(), company));

        assertThat(store().assignments().userHolds(ed, d.prod().accountId(), d.readOnly().permissionSetArn())).isTrue();
        assertThat(store().assignments().accountsOfUser(ed, null, 10)).containsExactly(d.dev(), d.test(), d.prod());
        assertThat(store().assignments().permissionSetsOfUser(ed, d.prod().accountId(), null, 10))
                .containsExactly(d.readOnly());
        assertThat(new GroupNestings(groups()).effectiveGroupIdsOf(ed)).containsExactlyInAnyOrder(
                d.developers().groupId(), engineering.groupId(), company.groupId());

        groups().removeNesting(engineering.groupId(), d.developers().groupId());

        assertThat(store().assignments().userHolds(ed, d.prod().accountId(), d.readOnly().permissionSetArn())).isFalse();
        assertThat(store().assignments().accountsOfUser(ed, null, 10)).containsExactly(d.dev(), d.test());
    }

    @Test
    default void accessFollowsNestingsAsDeepAsCoreAllowsAndNoDeeper() {
        Directory d = Directory.createIn(store());
        List<Group> chain = new ArrayList<>(List.of(d.developers()));
        for (int level = 1; level <= GroupNestings.MAX_DEPTH + 1; level++) {
            Group outer = group("Level " + level);
            groups().addNesting(new GroupNesting(outer.groupId(), chain.getLast().groupId()));
            chain.add(outer);
        }
        store().assignments().insert(assignment(d.prod(), d.readOnly(), chain.get(GroupNestings.MAX_DEPTH)));
        store().assignments().insert(assignment(d.sandbox(), d.readOnly(), chain.get(GroupNestings.MAX_DEPTH + 1)));

        assertThat(store().assignments().accountsOfUser(d.ed().userId(), null, 10))
                .containsExactly(d.dev(), d.test(), d.prod());
    }

    @Test
    default void effectiveMembersOfAGroupAreThoseOfEveryGroupNestedInIt() {
        Directory d = Directory.createIn(store());
        Group engineering = group("Engineering");
        groups().addNesting(new GroupNesting(engineering.groupId(), d.developers().groupId()));
        groups().addNesting(new GroupNesting(engineering.groupId(), d.operators().groupId()));

        GroupNestings nestings = new GroupNestings(groups());

        assertThat(nestings.effectiveMemberIdsOf(engineering.groupId()))
                .isEqualTo(Set.of(d.ed().userId(), d.ann().userId()));
        assertThat(nestings.nestedGroupIdsOf(engineering.groupId())).containsExactlyInAnyOrder(
                engineering.groupId(), d.developers().groupId(), d.operators().groupId());
    }
}
