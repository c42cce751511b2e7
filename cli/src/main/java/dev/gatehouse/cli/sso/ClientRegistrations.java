package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.cache.Registration;
import dev.gatehouse.cli.cache.SsoCache;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/**
 * The OIDC client a login uses: the cached one while it has more than the refresh window left and was registered
 * for the same flow, else a new registration, cached. Device-code and browser clients are cached under different
 * keys and each flow also checks the other's mark ({@code grantTypes}), so neither ever uses the other's client.
 */
final class ClientRegistrations {

    /** The loopback redirect a browser client registers: without a port, any port matches (RFC 8252 §7.3). */
    static final String LOOPBACK_REDIRECT = "http://127.0.0.1/oauth/callback";

    private final SsoCache cache;
    private final SsoOidcClient oidc;
    private final Optional<URI> endpoint;
    private final Clock clock;

    ClientRegistrations(SsoCache cache, SsoOidcClient oidc, Optional<URI> endpoint, Clock clock) {
        this.cache = cache;
        this.oidc = oidc;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** @param forceNew register again even when a cached client looks usable (the server forgot it) */
    Registration forDeviceCode(SsoSession session, boolean forceNew) {
        String key = session.registrationKey();
        // The AWS CLI ≥ 2.22 keeps its browser client under this same key, marked by its grantTypes.
        Optional<Registration> cached = forceNew ? Optional.empty()
                : reusable(key, registration -> !registration.forAuthorizationCode());
        return cached.orElseGet(() -> {
            List<String> scopes = session.scopes() != null && !session.scopes().isEmpty() ? session.scopes() : null;
            Registration registered = register(session, scopes, null, r -> {
                if (scopes != null) {
                    r.scopes(scopes);
                }
            });
            cache.saveRegistration(key, registered);
            return registered;
        });
    }

    /** A public client for the authorization code grant with PKCE, as botocore registers one. */
    Registration forAuthorizationCode(SsoSession session) {
        String key = session.authorizationCodeRegistrationKey();
        return reusable(key, Registration::forAuthorizationCode).orElseGet(() -> {
            List<String> scopes = session.scopesOrDefault();
            Registration registered = register(session, scopes, Registration.AUTHORIZATION_CODE_GRANTS,
                    r -> r.scopes(scopes).grantTypes(Registration.AUTHORIZATION_CODE_GRANTS)
                            .redirectUris(LOOPBACK_REDIRECT).issuerUrl(session.startUrl()));
            cache.saveRegistration(key, registered);
            return registered;
        });
    }

    private Optional<Registration> reusable(String key, Predicate<Registration> forThisFlow) {
        Instant now = clock.instant();
        return cache.registration(key).filter(registration -> registration.usable(now)).filter(forThisFlow);
    }

    private Registration register(SsoSession session, List<String> scopes, List<String> grantTypes,
                                  Consumer<RegisterClientRequest.Builder> flowSpecific) {
        String clientName = "gatehouse-cli-" + (session.name() != null ? session.name()
                : String.valueOf(clock.instant().getEpochSecond()));
        RegisterClientResponse registered = ServerCalls.call("RegisterClient", endpoint,
                () -> oidc.registerClient(r -> {
                    r.clientName(clientName).clientType("public");
                    flowSpecific.accept(r);
                }));
        return new Registration(registered.clientId(), registered.clientSecret(),
                Instant.ofEpochSecond(registered.clientSecretExpiresAt()), scopes, grantTypes);
    }
}
