package dev.gatehouse.core.oidc;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.testing.InMemoryCore;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What the OIDC tests share: registering clients, the requests a CLI sends, and how a refusal is told apart. */
final class OidcFlows {

    static final List<String> SCOPES = List.of("sso:account:access");
    static final String REDIRECT_URI = "http://127.0.0.1:53219/oauth/callback";

    private final InMemoryCore core;
    private final CoreServices services;

    OidcFlows(InMemoryCore core) {
        this.core = core;
        this.services = core.services();
    }

    CoreServices services() {
        return services;
    }

    /** A client of the device flow; with scopes it also receives refresh tokens. */
    ClientRegistrations.Registered deviceClient(List<String> scopes) {
        return services.clients().register(new ClientRegistrations.Request("cli", "public", scopes, null, null,
                null), CONTEXT);
    }

    /** A client of the authorization code flow, as current AWS CLIs register. */
    ClientRegistrations.Registered codeClient() {
        return services.clients().register(new ClientRegistrations.Request("cli", "public", SCOPES,
                List.of(GrantTypes.AUTHORIZATION_CODE, GrantTypes.REFRESH_TOKEN), List.of(REDIRECT_URI), null),
                CONTEXT);
    }

    DeviceAuthorizations.Started startDevice(ClientRegistrations.Registered client) {
        return services.devices().start(client.client().clientId(), client.clientSecret(), core.instance.portalUrl(),
                CONTEXT);
    }

    TokenEndpoint.Tokens poll(ClientRegistrations.Registered client, String deviceCode) {
        return services.tokens().createToken(new TokenRequest(client.client().clientId(), client.clientSecret(),
                GrantTypes.DEVICE_CODE, deviceCode, null, null, null, null, null), CONTEXT);
    }

    TokenEndpoint.Tokens refresh(ClientRegistrations.Registered client, String refreshToken) {
        return services.tokens().createToken(new TokenRequest(client.client().clientId(), client.clientSecret(),
                GrantTypes.REFRESH_TOKEN, null, null, refreshToken, null, null, null), CONTEXT);
    }

    /** Tokens for {@code user} through the whole device flow: start, approve, poll. */
    TokenEndpoint.Tokens deviceTokens(ClientRegistrations.Registered client, User user) {
        DeviceAuthorizations.Started started = startDevice(client);
        services.devices().approve(started.userCode(), user, CONTEXT);
        return poll(client, started.deviceCode());
    }

    /** The DomainError the call is refused with, checked to be of that kind. */
    static <E extends DomainError> E refused(Class<E> kind, ThrowingCallable call) {
        DomainException thrown = catchThrowableOfType(DomainException.class, call);
        assertThat(thrown).as("refused with a DomainException").isNotNull();
        assertThat(thrown.error()).isInstanceOf(kind);
        return kind.cast(thrown.error());
    }
}
