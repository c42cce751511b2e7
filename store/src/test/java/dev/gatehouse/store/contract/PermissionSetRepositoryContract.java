package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.Records.with;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PermissionSetRepository;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.testing.TestAccounts;
import dev.gatehouse.store.testing.TestAssignments;
import dev.gatehouse.store.testing.TestPermissionSets;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public interface PermissionSetRepositoryContract extends StoreContract {

    String INLINE_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    private PermissionSetRepository permissionSets() {
        return store().permissionSets();
    }

    @Test
    default void insertedPermissionSetReadsBackWithEveryField() {
        PermissionSet permissionSet = new PermissionSet(
                "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef", "DataEngineer",
                "Reads the lake", Duration.ofHours(12),
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonAthenaFullAccess"),
                INLINE_POLICY, "ViewOnlyAccess", "https://console.example.com/athena", Map.of("team", "data", "cost-center", "42"),
                "fedcba9876543210", NOW);
        permissionSets().insert(permissionSet);

        assertThat(permissionSets().findByArn(permissionSet.permissionSetArn())).contains(permissionSet);
        assertThat(permissionSets().findByArn(permissionSet.permissionSetArn()).orElseThrow().managedPolicies())
                .containsExactlyElementsOf(permissionSet.managedPolicies());
    }

    @Test
    default void insertedPermissionSetKeepsEmptyListsAndNulls() {
        PermissionSet bare = new PermissionSet("arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-bare",
                "Bare", null, Duration.ofMinutes(60), List.of(), null, null, null, Map.of(), "0000000000000000", NOW);
        permissionSets().insert(bare);

        assertThat(permissionSets().findByArn(bare.permissionSetArn())).contains(bare);
    }

    @Test
    default void findPermissionSetByNameIgnoresCase() {
        PermissionSet powerUser = TestPermissionSets.permissionSet("PowerUserAccess");
        permissionSets().insert(powerUser);

        assertThat(permissionSets().findByName("poweruseraccess")).contains(powerUser);
        assertThat(permissionSets().findByName("PowerUser")).isEmpty();
        assertThat(permissionSets().findByArn("arn:aws:sso:::permissionSet/none")).isEmpty();
    }

    @Test
    default void insertWhenPermissionSetNameDiffersOnlyInCaseThenAlreadyExists() {
        permissionSets().insert(TestPermissionSets.permissionSet("PowerUserAccess"));

        var error = alreadyExists(() -> permissionSets().insert(TestPermissionSets.permissionSet("POWERUSERACCESS")));

        assertThat(error.kind()).isEqualTo("PermissionSet");
        assertThat(error.name()).isEqualTo("POWERUSERACCESS");
    }

    @Test
    default void updateOfPermissionSetReplacesWhatMayChange() {
        PermissionSet original = TestPermissionSets.permissionSet("PowerUserAccess");
        permissionSets().insert(original);
        PermissionSet changed = new PermissionSet(original.permissionSetArn(), "PowerUserPlus", "more power",
                Duration.ofHours(4), List.of("arn:aws:iam::aws:policy/PowerUserAccess",
                "arn:aws:iam::aws:policy/IAMReadOnlyAccess"), INLINE_POLICY, "ReadOnlyAccess", "https://console.example.com/",
                Map.of("team", "security"), original.roleSuffix(), original.createdAt());

        permissionSets().update(changed);

        assertThat(permissionSets().findByArn(original.permissionSetArn())).contains(changed);
        assertThat(permissionSets().findByName("PowerUserAccess")).isEmpty();
    }

    @Test
    default void updateKeepsTheRoleSuffixAndCreationTimeFixedAtCreation() {
        PermissionSet original = TestPermissionSets.permissionSet("PowerUserAccess");
        permissionSets().insert(original);

        permissionSets().update(with(with(original, "roleSuffix", "ffffffffffffffff"), "createdAt", NOW.plusSeconds(1)));

        assertThat(permissionSets().findByArn(original.permissionSetArn())).contains(original);
    }

    @Test
    default void updateOntoAnotherPermissionSetsNameThenAlreadyExists() {
        PermissionSet powerUser = TestPermissionSets.permissionSet("PowerUserAccess");
        PermissionSet readOnly = TestPermissionSets.permissionSet("ReadOnlyAccess");
        permissionSets().insert(powerUser);
        permissionSets().insert(readOnly);

        alreadyExists(() -> permissionSets().update(with(readOnly, "name", "poweruseraccess")));

        assertThat(permissionSets().findByArn(readOnly.permissionSetArn())).contains(readOnly);
    }

    @Test
    default void updateOfUnknownPermissionSetThenNotFound() {
        var error = notFound(() -> permissionSets().update(TestPermissionSets.permissionSet("Ghost")));

        assertThat(error.kind()).isEqualTo("PermissionSet");
    }

    @Test
    default void listPagesThroughPermissionSetsOrderedByNameIgnoringCase() {
        for (String name : new String[] {"ViewOnlyAccess", "administratorAccess", "ReadOnlyAccess", "PowerUserAccess"}) {
            permissionSets().insert(TestPermissionSets.permissionSet(name));
        }

        assertThat(permissionSets().list(null, 2)).extracting(PermissionSet::name)
                .containsExactly("administratorAccess", "PowerUserAccess");
        assertThat(permissionSets().list("poweruseraccess", 2)).extracting(PermissionSet::name)
                .containsExactly("ReadOnlyAccess", "ViewOnlyAccess");
        assertThat(permissionSets().list("ViewOnlyAccess", 2)).isEmpty();
        assertThat(permissionSets().list(null, 0)).isEmpty();
    }

    @Test
    default void deleteRemovesThePermissionSetWithItsAssignments() {
        Account dev = TestAccounts.account("dev");
        PermissionSet powerUser = TestPermissionSets.permissionSet("PowerUserAccess");
        PermissionSet readOnly = TestPermissionSets.permissionSet("ReadOnlyAccess");
        User ed = TestUsers.user("ed.developer");
        store().accounts().insert(dev);
        permissionSets().insert(powerUser);
        permissionSets().insert(readOnly);
        store().users().insert(ed);
        store().assignments().insert(TestAssignments.assignment(dev, powerUser, ed));
        store().assignments().insert(TestAssignments.assignment(dev, readOnly, ed));

        permissionSets().delete(powerUser.permissionSetArn());

        assertThat(permissionSets().findByArn(powerUser.permissionSetArn())).isEmpty();
        assertThat(store().assignments().listForAccount(dev.accountId()))
                .containsExactly(TestAssignments.assignment(dev, readOnly, ed));
        assertThat(store().accounts().findById(dev.accountId())).contains(dev);
    }
}
