package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.authz.ServiceCredential;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.testing.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User attributes, the attributes-for-access-control mapping and service credentials. */
public interface AuthorizationRepositoriesContract extends StoreContract {

    private User storedUser(String userName) {
        User user = TestUsers.user(userName);
        store().users().insert(user);
        return user;
    }

    @Test
    default void userAttributesReplaceAndReadBack() {
        User ed = storedUser("ed.developer");
        store().userAttributes().replace(ed.userId(), Map.of("department", "Engineering", "costCenter", "42"));

        store().userAttributes().replace(ed.userId(), Map.of("department", "Finance"));

        assertThat(store().userAttributes().find(ed.userId())).containsExactly(Map.entry("department", "Finance"));
        assertThat(store().userAttributes().find("no-such-user")).isEmpty();
    }

    @Test
    default void userAttributesGoWithTheirUser() {
        User ed = storedUser("ed.developer");
        store().userAttributes().replace(ed.userId(), Map.of("department", "Engineering"));

        store().users().delete(ed.userId());

        assertThat(store().userAttributes().find(ed.userId())).isEmpty();
        notFound(() -> store().userAttributes().replace(ed.userId(), Map.of("department", "Engineering")));
    }

    @Test
    default void accessControlMappingIsReplacedWhole() {
        store().accessControlAttributes().replaceMapping(Map.of("department", "department", "cc", "costCenter"));
        store().accessControlAttributes().replaceMapping(Map.of("team", "department"));

        assertThat(store().accessControlAttributes().mapping()).containsExactly(Map.entry("team", "department"));
    }

    @Test
    default void serviceCredentialsInsertFindListDelete() {
        ServiceCredential orders = new ServiceCredential("AKIAAAAAAAAAAAAAAAAA", "orders", "sealed-1", NOW,
                List.of("ReadOnlyAccess"), "{}");
        ServiceCredential billing = new ServiceCredential("AKIABBBBBBBBBBBBBBBB", "billing", "sealed-2", NOW,
                List.of(), null);
        store().serviceCredentials().insert(orders);
        store().serviceCredentials().insert(billing);

        assertThat(store().serviceCredentials().findByAccessKeyId("AKIAAAAAAAAAAAAAAAAA")).contains(orders);
        assertThat(store().serviceCredentials().list()).containsExactly(billing, orders);
        assertThat(store().serviceCredentials().delete("AKIAAAAAAAAAAAAAAAAA")).isTrue();
        assertThat(store().serviceCredentials().delete("AKIAAAAAAAAAAAAAAAAA")).isFalse();
        assertThat(store().serviceCredentials().findByAccessKeyId("AKIAAAAAAAAAAAAAAAAA")).isEmpty();
    }

    @Test
    default void serviceCredentialNamesAreUniqueIgnoringCase() {
        store().serviceCredentials().insert(
                new ServiceCredential("AKIAAAAAAAAAAAAAAAAA", "orders", "s", NOW, List.of(), null));

        alreadyExists(() -> store().serviceCredentials().insert(
                new ServiceCredential("AKIABBBBBBBBBBBBBBBB", "Orders", "s", NOW, List.of(), null)));
    }
}
