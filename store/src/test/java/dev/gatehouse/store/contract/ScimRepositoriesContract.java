package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.scim.ScimExternalIdRepository.Kind;
import dev.gatehouse.core.scim.ScimToken;
import dev.gatehouse.store.testing.TestGroups;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SCIM bearer tokens and the external ids of provisioned users and groups. */
public interface ScimRepositoriesContract extends StoreContract {

    @Test
    default void scimTokensInsertFindByHashListDelete() {
        ScimToken older = new ScimToken("token-1", "hash-1", NOW, NOW.plus(Duration.ofDays(365)));
        ScimToken newer = new ScimToken("token-2", "hash-2", NOW.plusSeconds(1), NOW.plus(Duration.ofDays(366)));
        store().scimTokens().insert(newer);
        store().scimTokens().insert(older);

        assertThat(store().scimTokens().findByHash("hash-1")).contains(older);
        assertThat(store().scimTokens().list()).containsExactly(older, newer);
        assertThat(store().scimTokens().delete("token-1")).isTrue();
        assertThat(store().scimTokens().delete("token-1")).isFalse();
        assertThat(store().scimTokens().findByHash("hash-1")).isEmpty();
    }

    @Test
    default void scimExternalIdsAreSetReplacedRemovedAndGoWithTheirUser() {
        User ed = TestUsers.user("ed.developer");
        store().users().insert(ed);

        store().scimExternalIds().put(Kind.USER, ed.userId(), "okta-1");
        store().scimExternalIds().put(Kind.USER, ed.userId(), "okta-2");

        assertThat(store().scimExternalIds().find(Kind.USER, ed.userId())).contains("okta-2");
        assertThat(store().scimExternalIds().all(Kind.USER)).containsExactly(Map.entry(ed.userId(), "okta-2"));
        assertThat(store().scimExternalIds().all(Kind.GROUP)).isEmpty();
        assertThat(store().scimExternalIds().of(Kind.USER, List.of(ed.userId(), "someone-else")))
                .containsExactly(Map.entry(ed.userId(), "okta-2"));
        assertThat(store().scimExternalIds().of(Kind.USER, List.of())).isEmpty();
        store().scimExternalIds().put(Kind.USER, ed.userId(), null);
        assertThat(store().scimExternalIds().find(Kind.USER, ed.userId())).isEmpty();

        store().scimExternalIds().put(Kind.USER, ed.userId(), "okta-3");
        store().users().delete(ed.userId());
        assertThat(store().scimExternalIds().all(Kind.USER)).isEmpty();
        notFound(() -> store().scimExternalIds().put(Kind.USER, ed.userId(), "okta-4"));
    }

    @Test
    default void scimExternalIdsOfGroupsGoWithTheirGroup() {
        Group admins = TestGroups.group("Admins");
        store().groups().insert(admins);
        store().scimExternalIds().put(Kind.GROUP, admins.groupId(), "entra-group-1");

        assertThat(store().scimExternalIds().find(Kind.GROUP, admins.groupId())).contains("entra-group-1");
        store().groups().delete(admins.groupId());
        assertThat(store().scimExternalIds().find(Kind.GROUP, admins.groupId())).isEmpty();
        notFound(() -> store().scimExternalIds().put(Kind.GROUP, "no-such-group", "x"));
    }

    @Test
    default void scimExternalIdsFindTheirResources() {
        User ed = TestUsers.user("ed.developer");
        store().users().insert(ed);
        store().scimExternalIds().put(Kind.USER, ed.userId(), "okta-ed");

        assertThat(store().scimExternalIds().resourcesWith(Kind.USER, "okta-ed")).containsExactly(ed.userId());
        assertThat(store().scimExternalIds().resourcesWith(Kind.USER, "okta-nobody")).isEmpty();
        assertThat(store().scimExternalIds().resourcesWith(Kind.GROUP, "okta-ed")).isEmpty();
    }
}
