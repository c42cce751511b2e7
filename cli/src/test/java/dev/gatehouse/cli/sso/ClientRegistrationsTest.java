package dev.gatehouse.cli.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.cache.Registration;
import dev.gatehouse.cli.cache.SsoCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device-code and browser clients never stand in for each other, whichever tool cached them. */
class ClientRegistrationsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final SsoSession SESSION = new SsoSession("my-sso", "https://sso.example.com/start", "us-east-1",
            List.of("sso:account:access"));

    @TempDir
    Path cacheDirectory;

    private final FakeOidc oidc = FakeOidc.issuing();

    @Test
    void forDeviceCodeWhenADeviceClientIsCachedThenReused() {
        Registration cached = registration("device-client", null);
        cache().saveRegistration(SESSION.registrationKey(), cached);

        assertThat(registrations().forDeviceCode(SESSION, false)).isEqualTo(cached);
        assertThat(oidc.registrations).isEmpty();
    }

    @Test
    void forDeviceCodeWhenTheAwsCliCachedItsBrowserClientUnderTheSameKeyThenANewDeviceClient() {
        // AWS CLI ≥ 2.22 keeps its PKCE client under botocore's key, marked by grantTypes.
        cache().saveRegistration(SESSION.registrationKey(),
                registration("aws-cli-browser-client", List.of("authorization_code", "refresh_token")));

        Registration registered = registrations().forDeviceCode(SESSION, false);

        assertThat(registered.clientId()).isEqualTo("client-1");
        assertThat(registered.grantTypes()).isNull();
        assertThat(oidc.registrations).singleElement().satisfies(request -> {
            assertThat(request.grantTypes()).isEmpty();
            assertThat(request.redirectUris()).isEmpty();
        });
        assertThat(cache().registration(SESSION.registrationKey())).contains(registered);
    }

    @Test
    void forAuthorizationCodeWhenADeviceClientIsCachedThenABrowserClientUnderItsOwnKey() {
        Registration device = registration("device-client", null);
        cache().saveRegistration(SESSION.registrationKey(), device);

        Registration browser = registrations().forAuthorizationCode(SESSION);

        assertThat(browser.clientId()).isEqualTo("client-1");
        assertThat(browser.forAuthorizationCode()).isTrue();
        assertThat(cache().registration(SESSION.authorizationCodeRegistrationKey())).contains(browser);
        assertThat(cache().registration(SESSION.registrationKey())).contains(device);
    }

    @Test
    void forAuthorizationCodeWhenTheCachedClientIsAboutToExpireThenRegisteredAgain() {
        cache().saveRegistration(SESSION.authorizationCodeRegistrationKey(), new Registration("old", "s",
                NOW.plus(Duration.ofMinutes(10)), List.of("sso:account:access"), Registration.AUTHORIZATION_CODE_GRANTS));

        assertThat(registrations().forAuthorizationCode(SESSION).clientId()).isEqualTo("client-1");
    }

    @Test
    void forAuthorizationCodeWhenNoScopesAreConfiguredThenTheDefaultScopeIsRegistered() {
        SsoSession withoutScopes = new SsoSession("my-sso", SESSION.startUrl(), "us-east-1", null);

        registrations().forAuthorizationCode(withoutScopes);

        assertThat(oidc.registrations.getFirst().scopes()).containsExactly("sso:account:access");
    }

    private ClientRegistrations registrations() {
        return new ClientRegistrations(cache(), oidc.client(), Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private SsoCache cache() {
        return new SsoCache(cacheDirectory);
    }

    private static Registration registration(String clientId, List<String> grantTypes) {
        return new Registration(clientId, "secret", NOW.plus(Duration.ofDays(80)), List.of("sso:account:access"),
                grantTypes);
    }
}
