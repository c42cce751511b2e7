package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.oidc.ClientRegistration;
import dev.gatehouse.store.testing.TestClients;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

public interface ClientRepositoryContract extends StoreContract {

    @Test
    default void insertedClientReadsBackWithEveryFieldAndListOrder() {
        ClientRegistration client = new ClientRegistration("client-1", "secret-hash", "botocore-client-my-sso",
                "public", List.of("sso:account:access", "openid"), List.of("authorization_code", "refresh_token"),
                List.of("http://127.0.0.1/oauth/callback", "http://localhost/oauth/callback"),
                "https://identitycenter.amazonaws.com/ssoins-0123456789abcdef", NOW, NOW.plus(Duration.ofDays(90)));
        store().clients().insert(client);

        ClientRegistration found = store().clients().findById("client-1").orElseThrow();
        assertThat(found).isEqualTo(client);
        assertThat(found.scopes()).containsExactly("sso:account:access", "openid");
        assertThat(found.receivesRefreshTokens()).isTrue();
    }

    @Test
    default void insertedClientKeepsEmptyListsAndNulls() {
        ClientRegistration deviceClient = new ClientRegistration("client-2", "secret-hash", "device-client", null,
                List.of(), List.of(), List.of(), null, NOW, NOW.plus(Duration.ofDays(90)));
        store().clients().insert(deviceClient);

        assertThat(store().clients().findById("client-2")).contains(deviceClient);
        assertThat(store().clients().findById("client-2").orElseThrow().receivesRefreshTokens()).isFalse();
    }

    @Test
    default void insertWhenClientIdIsTakenThenAlreadyExists() {
        ClientRegistration client = TestClients.client("first");
        store().clients().insert(client);

        alreadyExists(() -> store().clients().insert(new ClientRegistration(client.clientId(), "other", "second",
                "public", List.of(), List.of(), List.of(), null, NOW, NOW)));
        assertThat(store().clients().findById(client.clientId())).contains(client);
    }

    @Test
    default void findByIdOfUnknownClientIsEmpty() {
        assertThat(store().clients().findById("nobody")).isEmpty();
    }
}
