package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.store.testing.TestAuditEvents;
import dev.gatehouse.store.testing.TestDeviceAuthorizations;
import dev.gatehouse.store.testing.TestGroups;
import dev.gatehouse.store.testing.TestUsers;
import org.junit.jupiter.api.Test;

public interface TransactionContract extends StoreContract {

    @Test
    default void inTransactionCommitsEveryWriteAndReturnsTheResult() {
        User ed = TestUsers.user("ed.developer");
        Group developers = TestGroups.group("Developers");

        String result = store().inTransaction(tx -> {
            tx.users().insert(ed);
            tx.groups().insert(developers);
            tx.groups().addMember(TestGroups.membership(developers, ed));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(store().users().findById(ed.userId())).contains(ed);
        assertThat(store().groups().groupIdsOf(ed.userId())).containsExactly(developers.groupId());
    }

    @Test
    default void inTransactionRollsBackEveryWriteWhenTheWorkThrows() {
        User ed = TestUsers.user("ed.developer");
        Group developers = TestGroups.group("Developers");
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> store().inTransaction(tx -> {
            tx.users().insert(ed);
            tx.groups().insert(developers);
            tx.groups().addMember(TestGroups.membership(developers, ed));
            tx.audit().insert(TestAuditEvents.event("CreateUser", "admin", NOW));
            throw failure;
        })).isSameAs(failure);

        assertThat(store().users().count()).isZero();
        assertThat(store().groups().findById(developers.groupId())).isEmpty();
        assertThat(store().audit().find(AuditQuery.all())).isEmpty();
    }

    @Test
    default void inTransactionRollsBackWhenADomainExceptionEscapes() {
        store().users().insert(TestUsers.user("ed.developer"));
        Group developers = TestGroups.group("Developers");

        alreadyExists(() -> store().inTransaction(tx -> {
            tx.groups().insert(developers);
            tx.users().insert(TestUsers.user("Ed.Developer"));
            return null;
        }));

        assertThat(store().groups().findById(developers.groupId())).isEmpty();
        assertThat(store().users().count()).isEqualTo(1);
    }

    @Test
    default void writesInsideTheTransactionAreVisibleToItsLaterReads() {
        User ed = TestUsers.user("ed.developer");

        boolean seen = store().inTransaction(tx -> {
            tx.users().insert(ed);
            return tx.users().findByUserName("ED.DEVELOPER").isPresent() && tx.users().count() == 1;
        });

        assertThat(seen).isTrue();
    }

    @Test
    default void nestedInTransactionJoinsTheOuterOneAndRollsBackWithIt() {
        User ed = TestUsers.user("ed.developer");
        Group developers = TestGroups.group("Developers");

        assertThatThrownBy(() -> store().inTransaction(outer -> {
            outer.users().insert(ed);
            outer.inTransaction(inner -> {
                assertThat(inner.users().findById(ed.userId())).contains(ed);
                inner.groups().insert(developers);
                return null;
            });
            throw new IllegalStateException("outer fails after the inner work returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store().users().findById(ed.userId())).isEmpty();
        assertThat(store().groups().findById(developers.groupId())).isEmpty();
    }

    @Test
    default void nestedInTransactionThatThrowsUndoesOnlyItsOwnWrites() {
        User ed = TestUsers.user("ed.developer");
        Group developers = TestGroups.group("Developers");
        Group admins = TestGroups.group("Admins");

        store().inTransaction(outer -> {
            outer.users().insert(ed);
            try {
                outer.inTransaction(inner -> {
                    inner.groups().insert(developers);
                    inner.users().insert(TestUsers.user("ED.DEVELOPER"));
                    return null;
                });
            } catch (DomainException expected) {
                outer.groups().insert(admins);
            }
            return null;
        });

        assertThat(store().users().findById(ed.userId())).contains(ed);
        assertThat(store().groups().findById(developers.groupId())).isEmpty();
        assertThat(store().groups().findById(admins.groupId())).contains(admins);
    }

    @Test
    default void deleteWithItsCascadeRollsBackWithTheTransaction() {
        AssignmentRepositoryContract.Directory d = AssignmentRepositoryContract.Directory.createIn(store());

        assertThatThrownBy(() -> store().inTransaction(tx -> {
            tx.users().delete(d.ed().userId());
            tx.groups().delete(d.developers().groupId());
            throw new IllegalStateException("changed my mind");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store().users().findById(d.ed().userId())).contains(d.ed());
        assertThat(store().groups().groupIdsOf(d.ed().userId())).containsExactly(d.developers().groupId());
        assertThat(store().assignments().accountsOfUser(d.ed().userId(), null, 10)).containsExactly(d.dev(), d.test());
    }

    @Test
    default void conflictCaughtInsideATransactionLeavesItUsable() {
        store().deviceAuthorizations().insert(TestDeviceAuthorizations.pending("BCDFGHJK"));
        var retry = TestDeviceAuthorizations.pending("LMNPQRST");

        store().inTransaction(tx -> {
            try {
                tx.deviceAuthorizations().insert(TestDeviceAuthorizations.pending("BCDFGHJK"));
            } catch (DomainException taken) {
                tx.deviceAuthorizations().insert(retry);
            }
            return null;
        });

        assertThat(store().deviceAuthorizations().findByUserCode("LMNPQRST")).contains(retry);
    }

    @Test
    default void callsOutsideATransactionStandAlone() {
        User ed = TestUsers.user("ed.developer");
        store().users().insert(ed);

        alreadyExists(() -> store().users().insert(TestUsers.user("ED.developer")));

        assertThat(store().users().findById(ed.userId())).contains(ed);
    }
}
